import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { commandMetadata } from '../command-metadata';
import { HandoffRecorder, type RecordedHandoff } from '../handoff-recorder';
import { caseIdFor, eventIdFor, victimIdFor } from '../record-identity';
import { actorOf, authorizeRecording } from '../recording-actor';
import { toVictimRegistration } from '../victim-registration.mapper';
import { ReportCrimeCommand } from './report-crime.command';

@CommandHandler(ReportCrimeCommand)
export class ReportCrimeHandler implements ICommandHandler<ReportCrimeCommand, RecordedHandoff> {
  constructor(
    private readonly recorder: HandoffRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ report, caller, idempotencyKey }: ReportCrimeCommand): Promise<RecordedHandoff> {
    const actor = actorOf(caller, report.agency);
    const source = { sourceSystem: report.sourceSystem, sourceReference: report.sourceReference, idempotencyKey };
    const caseId = caseIdFor(report.caseId, source);
    const eventId = eventIdFor(caseId, source);
    const { description, category, code } = report.offence;
    return this.recorder.record(
      {
        caseId,
        eventId,
        type: 'CrimeReported',
        authorize: (loaded) =>
          authorizeRecording(
            caller,
            { type: 'CrimeReported', agency: report.agency, recordedBy: report.recordedBy, sourceSystem: report.sourceSystem, data: {} },
            loaded,
            report.area,
          ),
        build: (_loaded, seal) => ({
          type: 'CrimeReported',
          data: {
            caseId,
            ...(report.urn && { urn: report.urn }),
            area: report.area,
            offence: { description, category, ...(code && { code }) },
            victims: report.victims.map((victim, index) =>
              toVictimRegistration(
                victim,
                { victimId: victimIdFor(caseId, index, victim.victimId), ageOn: report.occurredAt, agency: actor.agency, decidedAt: report.occurredAt },
                seal,
              ),
            ),
          },
          metadata: commandMetadata(report, actor, eventId, this.clock.now()),
        }),
      },
      { caseMustExist: false },
    );
  }
}
