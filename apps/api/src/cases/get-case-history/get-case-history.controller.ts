import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { areasInScope, type Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { CaseIdPipe } from '../../http/case-id.pipe';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { AsOfDto } from '../as-of/as-of.dto';
import { ETAG_HEADER, revisionTag } from '../../http/revision-tag';
import type { CaseHistory } from './get-case-history.handler';
import { GetCaseHistoryQuery } from './get-case-history.query';
import { CaseHistoryDto } from './case-history.response';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('cases')
@Controller('cases')
export class GetCaseHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/events')
  @Requires('case:read')
  @ApiOperation({ summary: "A case's history: every handoff as recorded, in order, corrections beside the originals" })
  @ApiProblemResponses(400, { 404: 'No such case, or one outside your areas, or none yet at `asOf`' }, 503)
  @ApiOkResponse({ type: CaseHistoryDto, description: "Every event as stored; the ETag is the case's revision", headers: ETAG_HEADER })
  async getHistory(
    @Param('id', CaseIdPipe) caseId: string,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Grant,
    @Query(QueryParamsPipe) params: AsOfDto,
  ): Promise<CaseHistoryDto> {
    const history = await this.queries.execute<GetCaseHistoryQuery, CaseHistory>(new GetCaseHistoryQuery(caseId, areasInScope(caller), params.asOf));
    response.setHeader('ETag', revisionTag(history.revision));
    return { caseId, revision: Number(history.revision), ...(history.asOf && { asOf: history.asOf }), events: history.events };
  }
}
