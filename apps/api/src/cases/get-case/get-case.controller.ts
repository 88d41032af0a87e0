import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { areasInScope, type Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { CaseIdPipe } from '../../http/case-id.pipe';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { AsOfDto } from '../as-of/as-of.dto';
import { ETAG_HEADER, revisionTag } from '../../http/revision-tag';
import type { CaseReading } from './get-case.handler';
import { GetCaseQuery } from './get-case.query';
import { CaseReadingDto } from './case-view.response';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('cases')
@Controller('cases')
export class GetCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Requires('case:read')
  @ApiOperation({ summary: "A case's current state across agencies; the ETag is its revision" })
  @ApiProblemResponses(400, { 404: 'No such case, or one outside your areas, or none yet at `asOf`' }, 503)
  @ApiOkResponse({ type: CaseReadingDto, description: 'The case; the ETag is its revision', headers: ETAG_HEADER })
  @ApiResponse({ status: 304, description: 'If-None-Match names the current revision: nothing has changed' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'A revision read before (its ETag): 304 while it is still current' })
  async getCase(
    @Param('id', CaseIdPipe) caseId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Grant,
    @Query(QueryParamsPipe) params: AsOfDto,
  ): Promise<CaseReadingDto | undefined> {
    const view = await this.queries.execute<GetCaseQuery, CaseReading>(new GetCaseQuery(caseId, areasInScope(caller), params.asOf));
    const tag = revisionTag(view.revision);
    response.setHeader('ETag', tag);
    if (ifNoneMatch === tag) {
      response.status(304);
      return undefined;
    }
    return { caseId, revision: Number(view.revision), ...(view.asOf && { asOf: view.asOf }), state: view.state };
  }
}
