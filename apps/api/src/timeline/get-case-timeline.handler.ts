import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { TimelineReader, type CaseTimeline } from '@case-journey/projections';
import { CaseNotFoundError } from '../cases/case-errors';
import { GetCaseTimelineQuery } from './get-case-timeline.query';

@QueryHandler(GetCaseTimelineQuery)
export class GetCaseTimelineHandler implements IQueryHandler<GetCaseTimelineQuery, CaseTimeline> {
  constructor(
    private readonly timelines: TimelineReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caseId }: GetCaseTimelineQuery): Promise<CaseTimeline> {
    const timeline = await this.timelines.timelineOf(caseId, this.clock.now());
    if (!timeline) throw new CaseNotFoundError(caseId);
    return timeline;
  }
}
