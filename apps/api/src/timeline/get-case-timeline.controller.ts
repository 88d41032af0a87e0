import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, type Grant } from '@case-journey/access';
import { AppConfiguration } from '@case-journey/platform';
import type { CaseTimeline, TimelineText } from '@case-journey/projections';
import { Caller } from '../access/caller.decorator';
import { Requires } from '../access/requires.decorator';
import { AsOfDto } from '../cases/as-of/as-of.dto';
import { CaseIdPipe } from '../http/case-id.pipe';
import { QueryParamsPipe } from '../http/query-params.pipe';
import { GetCaseTimelineQuery } from './get-case-timeline.query';
import { ReadsRedis, withinReadBound } from '../http/reads-redis';
import { CaseTimelineDto } from './case-timeline.response';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('cases')
@ReadsRedis({ boundInHandler: true })
@Controller('cases')
export class GetCaseTimelineController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  @Get(':id/timeline')
  @Requires('case:read')
  @ApiOperation({
    summary: "A case's timeline across agencies",
    description:
      'Every handoff in the order it happened (late records placed where they belong, corrections applied, retractions listed apart), ' +
      'grouped by agency, the business time between handoffs, who held the next step for how long, and who holds it now ("waiting on").',
  })
  @ApiProblemResponses(400, { 404: 'No such case, or one outside your areas, or none yet at `asOf`' })
  @ApiOkResponse({ type: CaseTimelineDto })
  getTimeline(@Param('id', CaseIdPipe) caseId: string, @Caller() caller: Grant, @Query(QueryParamsPipe) params: AsOfDto): Promise<CaseTimelineDto | TimelineText> {
    return withinReadBound(this.configuration.redisReadTimeoutMs, () =>
      this.queries.execute<GetCaseTimelineQuery, CaseTimeline | TimelineText>(new GetCaseTimelineQuery(caseId, areasInScope(caller), params.asOf)),
    );
  }
}
