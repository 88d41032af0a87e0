import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, type Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { Audited } from '../../audit/audited.decorator';
import { CaseIdPipe } from '../../http/case-id.pipe';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { VictimIdPipe } from '../../http/victim-id.pipe';
import { GetVictimDetailsQuery } from './get-victim-details.query';
import { VictimDetailsQueryDto } from './victim-details-query.dto';
import type { VictimDetails } from './victim-details';
import { VictimDetailsDto } from './victim-details.response';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('victims')
@Controller('cases')
export class GetVictimDetailsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/victims/:victimId')
  @Requires('victim:read-details')
  @Audited<VictimDetailsDto>('victim-details-read', (request, details) => ({ caseIds: [details.caseId], victimId: details.victimId, purpose: details.purpose }))
  @ApiOperation({
    summary: "A victim's name, contact details and preferences, unsealed for a stated purpose",
    description:
      'Every unsealing is written to the audit log (who, when, which victim and case, the purpose) before the details are sent; if the log cannot be written, nothing is sent (503).',
  })
  @ApiProblemResponses({ 400: '`purpose` missing or not one of the listed purposes', 404: 'No such case or victim, or a case outside your areas', 410: "The victim's personal data was erased", 503: 'The audit log could not be written, or a store cannot be reached; nothing was shown' })
  @ApiOkResponse({ type: VictimDetailsDto, description: 'The unsealed details' })
  getDetails(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('victimId', VictimIdPipe) victimId: string,
    @Query(QueryParamsPipe) query: VictimDetailsQueryDto,
    @Caller() caller: Grant,
  ): Promise<VictimDetailsDto> {
    return this.queries.execute<GetVictimDetailsQuery, VictimDetails>(new GetVictimDetailsQuery(caseId, victimId, query.purpose, areasInScope(caller)));
  }
}
