import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageDto, BrokenChainDto, IntactChainDto } from './audit-page.response';
import { ApiProblemResponses } from '../../http/problem.response';
import { Requires } from '../../access/requires.decorator';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { AuditQueryDto } from './audit-query.dto';
import { ListAuditQuery } from './list-audit.query';
import type { AuditPage } from './audit-page';

@ApiTags('audit')
@Controller('audit')
export class ListAuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Requires('audit:read')
  @ApiOperation({
    summary: 'The audit log of access to victims\' data: who, when, which cases and victim, why',
    description:
      'Filters: subject, caseId, victimId, action, from/to. `chain` says whether the hash chain held over the span read: a removed, altered or replaced entry is named by sequence. ' +
      'Keep `chain.headHash` elsewhere now and then: removing the newest entries leaves a shorter chain that is still whole, and only a head kept apart shows it.',
  })
  @ApiProblemResponses(400, 503)
  @ApiOkResponse({ type: AuditPageDto })
  @ApiExtraModels(IntactChainDto, BrokenChainDto)
  list(@Query(QueryParamsPipe) query: AuditQueryDto): Promise<AuditPageDto> {
    const filter = {
      subject: query.subject,
      caseId: query.caseId,
      victimId: query.victimId,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    return this.queries.execute<ListAuditQuery, AuditPage>(new ListAuditQuery(filter, query.offset, query.limit));
  }
}
