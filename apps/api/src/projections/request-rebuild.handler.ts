import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { JobQueues, requestRebuild, type RebuildStatus } from '@case-journey/projections';
import { RequestRebuildCommand } from './request-rebuild.command';

@CommandHandler(RequestRebuildCommand)
export class RequestRebuildHandler implements ICommandHandler<RequestRebuildCommand, RebuildStatus> {
  constructor(private readonly queues: JobQueues) {}

  execute({ projection }: RequestRebuildCommand): Promise<RebuildStatus> {
    return requestRebuild(this.queues, projection);
  }
}
