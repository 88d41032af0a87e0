import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
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

  async execute({ caseId, areas }: GetCaseTimelineQuery): Promise<CaseTimeline> {
    const timeline = await this.timelines.timelineOf(caseId, this.clock.now());
    if (!timeline || !withinAreas(areas, timeline.area)) throw new CaseNotFoundError(caseId);
    return timeline;
  }
}
