import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, type Grant } from '@case-journey/access';
import type { VictimJourneyView } from '@case-journey/projections';
import { Caller } from '../access/caller.decorator';
import { Requires } from '../access/requires.decorator';
import { Audited } from '../audit/audited.decorator';
import { AsOfDto } from '../cases/as-of/as-of.dto';
import { CaseIdPipe } from '../http/case-id.pipe';
import { QueryParamsPipe } from '../http/query-params.pipe';
import { VictimIdPipe } from '../http/victim-id.pipe';
import { GetVictimJourneyQuery } from './get-victim-journey.query';
import { ReadsRedis } from '../http/reads-redis';
import { VictimJourneyDto } from './victim-journey.response';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('victims')
@ReadsRedis()
@Controller('cases')
export class GetVictimJourneyController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/victims/:victimId/journey')
  @Requires('case:read')
  @Audited<VictimJourneyDto>('victim-journey-read', (_request, journey) => ({ caseIds: [journey.caseId], victimId: journey.victimId }))
  @ApiOperation({
    summary: "One victim's journey through the case",
    description: "Every touchpoint with the victim, their enhanced-rights status, and every Victims' Code obligation owed to them with its status and due instant.",
  })
  @ApiProblemResponses(400, { 404: 'No such case or victim, or a case outside your areas, or none yet at `asOf`', 410: "The victim's personal data was erased: their journey is no longer kept" })
  @ApiOkResponse({ type: VictimJourneyDto })
  getJourney(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('victimId', VictimIdPipe) victimId: string,
    @Caller() caller: Grant,
    @Query(QueryParamsPipe) params: AsOfDto,
  ): Promise<VictimJourneyDto> {
    return this.queries.execute<GetVictimJourneyQuery, VictimJourneyView>(new GetVictimJourneyQuery(caseId, victimId, areasInScope(caller), params.asOf));
  }
}
