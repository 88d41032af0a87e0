import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from '@case-journey/domain';
import { AppConfiguration, CLOCK, type Clock } from '@case-journey/platform';
import { bodyRulesOf } from '../body-rules';
import { commandMetadata } from '../command-metadata';
import { HandoffRecorder, type RecordedHandoff } from '../handoff-recorder';
import { eventIdFor } from '../record-identity';
import { actorOf, authorizeRecording } from '../recording-actor';
import { handoffData } from './handoff-payload';
import { RecordHandoffCommand } from './record-handoff.command';

@CommandHandler(RecordHandoffCommand)
export class RecordHandoffHandler implements ICommandHandler<RecordHandoffCommand, RecordedHandoff> {
  constructor(
    private readonly recorder: HandoffRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  execute({ caseId, handoff, caller, ifMatch, idempotencyKey }: RecordHandoffCommand): Promise<RecordedHandoff> {
    const actor = actorOf(caller, handoff.agency);
    const eventId = eventIdFor(caseId, { sourceSystem: handoff.sourceSystem, sourceReference: handoff.sourceReference, idempotencyKey });
    return this.recorder.record(
      {
        caseId,
        eventId,
        type: handoff.type,
        authorize: (loaded) =>
          authorizeRecording(
            caller,
            { type: handoff.type, agency: handoff.agency, recordedBy: handoff.recordedBy, sourceSystem: handoff.sourceSystem, data: handoff.data as unknown as Record<string, unknown> },
            loaded,
          ),
        build: (loaded, seal) =>
          ({
            type: handoff.type,
            data: handoffData(handoff.type, handoff.data, {
              caseId,
              eventId,
              loaded,
              occurredAt: handoff.occurredAt,
              agency: actor.agency,
              seal,
              rules: bodyRulesOf(this.configuration),
            }),
            metadata: commandMetadata(handoff, actor, eventId, this.clock.now()),
          }) as CaseCommand,
      },
      { caseMustExist: true, ifMatch },
    );
  }
}
