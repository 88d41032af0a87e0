import { ConflictException, Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { CLOCK, type Clock } from '@case-journey/platform';
import { retentionRunOf } from '../get-retention-run/get-retention-run.handler';
import type { RetentionRun } from '../retention-run';
import { DRY_RUN, ERASURE, RetentionQueue, type DryRunRequest } from '../retention-queue';
import { RequestRetentionErasureCommand } from './request-retention-erasure.command';

/** An erasure only ever erases what a completed dry run listed, so nobody erases what they have not seen. */
@CommandHandler(RequestRetentionErasureCommand)
export class RequestRetentionErasureHandler implements ICommandHandler<RequestRetentionErasureCommand, RetentionRun> {
  constructor(
    private readonly retention: RetentionQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dryRunId, reason, by }: RequestRetentionErasureCommand): Promise<RetentionRun> {
    const dryRun = (await this.retention.queue.getJob(dryRunId)) as Job<DryRunRequest> | undefined;
    if (!dryRun || dryRun.name !== DRY_RUN) throw new NotFoundException(`No retention dry run ${dryRunId}`);
    const state = await dryRun.getState();
    if (state !== 'completed') throw new ConflictException(`Dry run ${dryRunId} is ${state}: erase once it has completed and its listing has been read`);
    const job = await this.retention.add(ERASURE, { requestedBy: by, requestedAt: this.clock.now().toISOString(), dryRunId, cutoff: dryRun.data.cutoff, reason });
    return retentionRunOf(job, 'waiting');
  }
}
