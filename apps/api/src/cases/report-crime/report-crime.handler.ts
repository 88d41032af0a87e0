import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { HandoffRecorder, type RecordedHandoff } from '../handoff-recorder';
import { crimeReportRecording } from './crime-report-recording';
import { ReportCrimeCommand } from './report-crime.command';

@CommandHandler(ReportCrimeCommand)
export class ReportCrimeHandler implements ICommandHandler<ReportCrimeCommand, RecordedHandoff> {
  constructor(
    private readonly recorder: HandoffRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ report, caller, idempotencyKey, requestId }: ReportCrimeCommand): Promise<RecordedHandoff> {
    return this.recorder.record(crimeReportRecording(report, caller, { now: () => this.clock.now(), idempotencyKey, requestId }), { caseMustExist: false });
  }
}
