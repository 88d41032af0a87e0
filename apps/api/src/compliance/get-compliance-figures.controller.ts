import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Grant } from '@case-journey/access';
import { AppConfiguration } from '@case-journey/platform';
import type { ComplianceFigures, JsonText } from '@case-journey/projections';
import { Caller } from '../access/caller.decorator';
import { AreaDirectory } from '../areas/area-directory';
import { Requires } from '../access/requires.decorator';
import { QueryParamsPipe } from '../http/query-params.pipe';
import { ComplianceFiguresDto } from './compliance-figures.dto';
import { GetComplianceFiguresQuery } from './get-compliance-figures.query';
import { periodOf } from './reporting-period';
import { ReadsRedis, withinReadBound } from '../http/reads-redis';
import { ComplianceTableDto } from './compliance-figures.response';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('compliance')
@ReadsRedis({ boundInHandler: true })
@Controller('compliance')
export class GetComplianceFiguresController {
  constructor(
    private readonly queries: QueryBus,
    private readonly areas: AreaDirectory,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  @Get()
  @Requires('compliance:read')
  @ApiOperation({
    summary: "Victims' Code compliance and handoff timeliness",
    description:
      'Obligations due, met on time, met late, breached, not applicable and open, with the rate met on time / due, broken down as asked ' +
      '(an obligation counts in the London month it was due), and the median and 90th percentile of each handoff-timeliness measure.',
  })
  @ApiProblemResponses(400, { 404: 'An unknown `area`: the answer lists the areas known' })
  @ApiOkResponse({ type: ComplianceTableDto })
  getFigures(@Query(QueryParamsPipe) params: ComplianceFiguresDto, @Caller() caller: Grant): Promise<JsonText<ComplianceFigures>> {
    return withinReadBound(this.configuration.redisReadTimeoutMs, async () => {
      const criteria = { ...periodOf({ ...params, area: await this.areas.knownIfGiven(params.area) }, caller), groupBy: params.groupBy };
      return this.queries.execute<GetComplianceFiguresQuery, JsonText<ComplianceFigures>>(new GetComplianceFiguresQuery(criteria));
    });
  }
}
