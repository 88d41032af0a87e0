import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Grant } from '@case-journey/access';
import type { JsonText, TimelinessFigures } from '@case-journey/projections';
import { Caller } from '../access/caller.decorator';
import { AreaDirectory } from '../areas/area-directory';
import { Requires } from '../access/requires.decorator';
import { QueryParamsPipe } from '../http/query-params.pipe';
import { ReportingPeriodDto } from './compliance-figures.dto';
import { GetTimelinessFiguresQuery } from './get-timeliness-figures.query';
import { periodOf } from './reporting-period';
import { ReadsRedis } from '../http/reads-redis';
import { TimelinessTableDto } from './compliance-figures.response';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('compliance')
@ReadsRedis()
@Controller('compliance')
export class GetTimelinessFiguresController {
  constructor(
    private readonly queries: QueryBus,
    private readonly areas: AreaDirectory,
  ) {}

  @Get('timeliness')
  @Requires('compliance:read')
  @ApiOperation({
    summary: 'Handoff timeliness: medians, 90th percentiles and histograms',
    description:
      'Offence reported to charge decision, file submitted to CPS decision, charge to first hearing, first hearing to completion (days), ' +
      'and court result to Witness Care Unit receipt (working days), counted in the London month each interval ended.',
  })
  @ApiProblemResponses(400, { 404: 'An unknown `area`: the answer lists the areas known' })
  @ApiOkResponse({ type: TimelinessTableDto })
  async getTimeliness(@Query(QueryParamsPipe) params: ReportingPeriodDto, @Caller() caller: Grant): Promise<JsonText<TimelinessFigures>> {
    return this.queries.execute<GetTimelinessFiguresQuery, JsonText<TimelinessFigures>>(new GetTimelinessFiguresQuery(periodOf({ ...params, area: await this.areas.knownIfGiven(params.area) }, caller)));
  }
}
