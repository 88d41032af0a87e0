import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AUDIT_LOG, areasInScope, type AuditLog, type Grant, type Principal } from '@case-journey/access';
import { AppConfiguration, CLOCK, type Clock } from '@case-journey/platform';
import type { WorklistText } from '@case-journey/projections';
import { Caller } from '../access/caller.decorator';
import { refuseAreaOutOfScope } from '../access/area-scope';
import { Requires } from '../access/requires.decorator';
import { AreaDirectory } from '../areas/area-directory';
import { recordAccess } from '../audit/access-audit.interceptor';
import type { AuditedAccess, AuditedRequest } from '../audit/audited.decorator';
import { QueryParamsPipe } from '../http/query-params.pipe';
import { GetWitnessCareWorklistQuery } from './get-witness-care-worklist.query';
import { WitnessCareWorklistDto } from './witness-care-worklist.dto';
import { ReadsRedis, withinReadBound } from '../http/reads-redis';
import { WorklistPageDto } from './worklist-page.response';
import { ApiProblemResponses } from '../http/problem.response';

/** What a worklist page shows, for the audit log: the cases its items name. */
const WORKLIST_READ: AuditedAccess<WorklistText> = { action: 'worklist-read', accessOf: (_request, page) => ({ caseIds: page.caseIds }) };

@ApiTags('worklists')
@ReadsRedis({ boundInHandler: true })
@Controller('worklists')
export class GetWitnessCareWorklistController {
  constructor(
    private readonly queries: QueryBus,
    private readonly areas: AreaDirectory,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('witness-care')
  @Requires('worklist:read')
  @ApiOperation({
    summary: 'Victim touchpoints due, due soon and overdue',
    description: "Open Victims' Code obligations of an agency (the Witness Care Unit by default), earliest due first, with the victim's enhanced-rights status and contact preference.",
  })
  @ApiProblemResponses(400, { 404: 'An unknown `area`: the answer lists the areas known' })
  @ApiOkResponse({ type: WorklistPageDto, description: 'Sent as the read model keeps it, in this shape' })
  getWorklist(@Query(QueryParamsPipe) params: WitnessCareWorklistDto, @Caller() caller: Grant, @Req() request: AuditedRequest & { principal?: Principal }): Promise<WorklistText> {
    // Every page shown is audited, as `@Audited` routes are, but here rather than by its interceptor: that chain cost this read more than its own work.
    return withinReadBound(this.configuration.redisReadTimeoutMs, async () => {
      const page = await this.pageOf(params, caller);
      await recordAccess(this.log, this.clock, WORKLIST_READ, request, page);
      return page;
    });
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
