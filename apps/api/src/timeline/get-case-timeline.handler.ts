import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { CLOCK, type Clock } from '@case-journey/platform';
import { timelineAsOf, TimelineReader, type CaseTimeline, type TimelineText } from '@case-journey/projections';
import { caseStreamAsOf, pastInstant } from '../cases/as-of/case-as-of';
import { CaseNotFoundError } from '../cases/case-errors';
import { CaseStreamRepository } from '../cases/case-stream.repository';
import { GetCaseTimelineQuery } from './get-case-timeline.query';

@QueryHandler(GetCaseTimelineQuery)
export class GetCaseTimelineHandler implements IQueryHandler<GetCaseTimelineQuery, (CaseTimeline & { asOf: string }) | TimelineText> {
  constructor(
    private readonly timelines: TimelineReader,
    private readonly cases: CaseStreamRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A past instant's timeline is worked out from the store; today's is sent as the read model's text, its held time brought up to now. */
  async execute({ caseId, areas, asOf: asked }: GetCaseTimelineQuery): Promise<(CaseTimeline & { asOf: string }) | TimelineText> {
    const asOf = pastInstant(asked, this.clock.now());
    if (asOf) {
      const { wholeStream } = await caseStreamAsOf(this.cases, caseId, asOf, areas);
      return { asOf: asOf.toISOString(), ...timelineAsOf(wholeStream.events, asOf)! };
    }
    const timeline = await this.timelines.timelineTextOf(caseId, this.clock.now());
    if (!timeline || !withinAreas(areas, timeline.area)) throw new CaseNotFoundError(caseId);
    return timeline;
  }
}
