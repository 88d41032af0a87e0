import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JobQueues, rebuildStatus, type RebuildStatus } from '@case-journey/projections';
import { GetRebuildQuery } from './get-rebuild.query';

@QueryHandler(GetRebuildQuery)
export class GetRebuildHandler implements IQueryHandler<GetRebuildQuery, RebuildStatus> {
  constructor(private readonly queues: JobQueues) {}

  async execute({ jobId }: GetRebuildQuery): Promise<RebuildStatus> {
    const status = await rebuildStatus(this.queues, jobId);
    if (!status) throw new NotFoundException(`No rebuild job ${jobId}`);
    return status;
  }
}
