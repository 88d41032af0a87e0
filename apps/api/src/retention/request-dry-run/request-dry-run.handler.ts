import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { retentionCutoff } from '@case-journey/domain';
import { AppConfiguration, CLOCK, type Clock } from '@case-journey/platform';
import { retentionRunOf } from '../get-retention-run/get-retention-run.handler';
import type { RetentionRun } from '../retention-run';
import { DRY_RUN, RetentionQueue } from '../retention-queue';
import { RequestDryRunCommand } from './request-dry-run.command';

@CommandHandler(RequestDryRunCommand)
export class RequestDryRunHandler implements ICommandHandler<RequestDryRunCommand, RetentionRun> {
  constructor(
    private readonly retention: RetentionQueue,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ by }: RequestDryRunCommand): Promise<RetentionRun> {
    const now = this.clock.now();
    const { retentionYears } = this.configuration;
    const job = await this.retention.add(DRY_RUN, { requestedBy: by, requestedAt: now.toISOString(), retentionYears, cutoff: retentionCutoff(now, retentionYears).toISOString() });
    return retentionRunOf(job, 'waiting');
  }
}
