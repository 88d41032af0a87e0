import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from '@case-journey/domain';
import { PersonalDataVault } from '@case-journey/personal-data';
import { CLOCK, type Clock } from '@case-journey/platform';
import { HandoffRecorder, type RecordedHandoff } from '../handoff-recorder';
import { eventIdFor } from '../record-identity';
import { handoffData } from './handoff-payload';
import { RecordHandoffCommand } from './record-handoff.command';

@CommandHandler(RecordHandoffCommand)
export class RecordHandoffHandler implements ICommandHandler<RecordHandoffCommand, RecordedHandoff> {
  constructor(
    private readonly recorder: HandoffRecorder,
    private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ caseId, handoff, principal, ifMatch, idempotencyKey }: RecordHandoffCommand): Promise<RecordedHandoff> {
    const eventId = eventIdFor(caseId, { sourceSystem: handoff.sourceSystem, sourceReference: handoff.sourceReference, idempotencyKey });
    const agency = handoff.agency;
    return this.recorder.record(
      caseId,
      (loaded) =>
        ({
          type: handoff.type,
          data: handoffData(handoff.type, handoff.data, { caseId, eventId, reportedAt: loaded?.state.reportedAt ?? null, occurredAt: handoff.occurredAt, agency, vault: this.vault }),
          metadata: {
            eventId,
            occurredAt: handoff.occurredAt,
            ...(handoff.receivedAt && { receivedAt: handoff.receivedAt }),
            agency,
            recordedBy: handoff.recordedBy ?? principal.user,
            ...(handoff.sourceSystem && { sourceSystem: handoff.sourceSystem, sourceReference: handoff.sourceReference }),
            ...(handoff.correlationId && { correlationId: handoff.correlationId }),
            now: this.clock.now().toISOString(),
          },
        }) as CaseCommand,
      { caseMustExist: true, ifMatch },
    );
  }
}
