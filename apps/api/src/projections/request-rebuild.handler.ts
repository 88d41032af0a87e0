import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppConfiguration } from '@case-journey/platform';
import { JobQueues, queueReadyWithin, requestRebuild, type RebuildStatus } from '@case-journey/projections';
import { RequestRebuildCommand } from './request-rebuild.command';

@CommandHandler(RequestRebuildCommand)
export class RequestRebuildHandler implements ICommandHandler<RequestRebuildCommand, RebuildStatus> {
  constructor(
    private readonly queues: JobQueues,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  /** Queued only on a connected queue, or refused (503): a rebuild asked for during an outage never starts when it ends. */
  async execute({ projection }: RequestRebuildCommand): Promise<RebuildStatus> {
    await queueReadyWithin(this.queues.rebuilds, this.configuration.redisReadTimeoutMs);
    return requestRebuild(this.queues, projection);
  }
}
