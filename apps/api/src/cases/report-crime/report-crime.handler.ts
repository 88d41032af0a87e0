import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from '@case-journey/domain';
import { PersonalDataVault } from '@case-journey/personal-data';
import { CLOCK, type Clock } from '@case-journey/platform';
import { HandoffRecorder, type RecordedHandoff } from '../handoff-recorder';
import { caseIdFor, eventIdFor, victimIdFor } from '../record-identity';
import { toVictimRegistration } from '../victim-registration.mapper';
import { ReportCrimeCommand } from './report-crime.command';

@CommandHandler(ReportCrimeCommand)
export class ReportCrimeHandler implements ICommandHandler<ReportCrimeCommand, RecordedHandoff> {
  constructor(
    private readonly recorder: HandoffRecorder,
    private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ report, principal, idempotencyKey }: ReportCrimeCommand): Promise<RecordedHandoff> {
    const source = { sourceSystem: report.sourceSystem, sourceReference: report.sourceReference, idempotencyKey };
    const caseId = caseIdFor(report.caseId, source);
    const agency = report.agency ?? principal.agency ?? 'Police';
    const command: CaseCommand = {
      type: 'CrimeReported',
      data: {
        caseId,
        ...(report.urn && { urn: report.urn }),
        area: report.area,
        offence: { description: report.offence.description, category: report.offence.category, ...(report.offence.code && { code: report.offence.code }) },
        victims: report.victims.map((victim, index) =>
          toVictimRegistration(
            victim,
            { victimId: victimIdFor(caseId, index, victim.victimId), offenceOccurredAt: report.occurredAt, agency, decidedAt: report.occurredAt },
            this.vault,
          ),
        ),
      },
      metadata: {
        eventId: eventIdFor(caseId, source),
        occurredAt: report.occurredAt,
        ...(report.receivedAt && { receivedAt: report.receivedAt }),
        agency,
        recordedBy: report.recordedBy ?? principal.user,
        ...(report.sourceSystem && { sourceSystem: report.sourceSystem, sourceReference: report.sourceReference }),
        now: this.clock.now().toISOString(),
      },
    };
    return this.recorder.record(caseId, () => command, { caseMustExist: false });
  }
}
