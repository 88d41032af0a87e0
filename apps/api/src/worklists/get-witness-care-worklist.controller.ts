import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, type Grant } from '@case-journey/access';
import { AppConfiguration } from '@case-journey/platform';
import type { WorklistText } from '@case-journey/projections';
import { Caller } from '../access/caller.decorator';
import { refuseAreaOutOfScope } from '../access/area-scope';
import { Requires } from '../access/requires.decorator';
import { AreaDirectory } from '../areas/area-directory';
import { Audited } from '../audit/audited.decorator';
import { QueryParamsPipe } from '../http/query-params.pipe';
import { GetWitnessCareWorklistQuery } from './get-witness-care-worklist.query';
import { WitnessCareWorklistDto } from './witness-care-worklist.dto';
import { ReadsRedis, withinReadBound } from '../http/reads-redis';
import { WorklistPageDto } from './worklist-page.response';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('worklists')
@ReadsRedis({ boundInHandler: true })
@Controller('worklists')
export class GetWitnessCareWorklistController {
  constructor(
    private readonly queries: QueryBus,
    private readonly areas: AreaDirectory,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  @Get('witness-care')
  @Requires('worklist:read')
  @Audited<WorklistText>('worklist-read', (_request, page) => ({ caseIds: page.caseIds }))
  @ApiOperation({
    summary: 'Victim touchpoints due, due soon and overdue',
    description: "Open Victims' Code obligations of an agency (the Witness Care Unit by default), earliest due first, with the victim's enhanced-rights status and contact preference.",
  })
  @ApiProblemResponses(400, { 404: 'An unknown `area`: the answer lists the areas known' })
  @ApiOkResponse({ type: WorklistPageDto, description: 'Sent as the read model keeps it, in this shape' })
  getWorklist(@Query(QueryParamsPipe) params: WitnessCareWorklistDto, @Caller() caller: Grant): Promise<WorklistText> {
    return withinReadBound(this.configuration.redisReadTimeoutMs, () => this.pageOf(params, caller));
  }

  private async pageOf(params: WitnessCareWorklistDto, caller: Grant): Promise<WorklistText> {
    const area = await this.areas.knownIfGiven(params.area);
    refuseAreaOutOfScope(caller, area);
    const criteria = {
      agency: params.agency,
      area,
      areas: areasInScope(caller),
      statuses: params.status,
      rights: params.enhanced === undefined ? undefined : params.enhanced === 'true' ? (['enhanced'] as const) : (['standard'] as const),
      dueBefore: params.dueBefore,
      due: params.due,
      offset: params.offset,
      limit: params.limit,
    };
    return this.queries.execute<GetWitnessCareWorklistQuery, WorklistText>(new GetWitnessCareWorklistQuery(criteria));
  }
}
