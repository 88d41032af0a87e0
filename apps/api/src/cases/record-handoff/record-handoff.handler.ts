import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfiguration, CLOCK, type Clock } from '@case-journey/platform';
import { bodyRulesOf } from '../body-rules';
import { HandoffRecorder, type RecordedHandoff } from '../handoff-recorder';
import { handoffRecording } from './handoff-recording';
import { RecordHandoffCommand } from './record-handoff.command';

@CommandHandler(RecordHandoffCommand)
export class RecordHandoffHandler implements ICommandHandler<RecordHandoffCommand, RecordedHandoff> {
  constructor(
    private readonly recorder: HandoffRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  execute({ caseId, handoff, caller, ifMatch, idempotencyKey, requestId }: RecordHandoffCommand): Promise<RecordedHandoff> {
    const context = { now: () => this.clock.now(), rules: bodyRulesOf(this.configuration), idempotencyKey, requestId };
    return this.recorder.record(handoffRecording(caseId, handoff, caller, context), { caseMustExist: true, ifMatch });
  }
}
