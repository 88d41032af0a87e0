import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DryRunListingDto, ErasureOutcomeDto, RetentionRunDto } from '../retention-run.response';
import { ApiProblemResponses } from '../../http/problem.response';
import { Requires } from '../../access/requires.decorator';
import { PagingDto } from '../../http/paging.dto';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { DRY_RUN, ERASURE } from '../retention-queue';
import { GetRetentionRunQuery } from './get-retention-run.query';
import { ReadsRedis } from '../../http/reads-redis';
import type { RetentionRun } from '../retention-run';

@ApiTags('retention')
@ReadsRedis()
@Controller('retention')
export class GetRetentionRunController {
  constructor(private readonly queries: QueryBus) {}

  @Get('dry-runs/:jobId')
  @Requires('retention:run')
  @ApiOperation({ summary: "A dry run's progress and, once completed, its listing: each victim to erase, with the cases and when and why each closed (paged)" })
  @ApiProblemResponses(400, { 404: 'No such dry run' })
  @ApiOkResponse({ type: RetentionRunDto })
  @ApiExtraModels(DryRunListingDto, ErasureOutcomeDto)
  dryRun(@Param('jobId') jobId: string, @Query(QueryParamsPipe) page: PagingDto): Promise<RetentionRunDto> {
    return this.queries.execute<GetRetentionRunQuery, RetentionRun>(new GetRetentionRunQuery(DRY_RUN, jobId, page.offset, page.limit));
  }

  @Get('erasures/:jobId')
  @Requires('retention:run')
  @ApiOperation({ summary: "A retention erasure's progress and outcome: the victims erased, and those skipped with why" })
  @ApiProblemResponses(400, { 404: 'No such retention erasure' })
  @ApiOkResponse({ type: RetentionRunDto })
  @ApiExtraModels(DryRunListingDto, ErasureOutcomeDto)
  erasure(@Param('jobId') jobId: string): Promise<RetentionRunDto> {
    return this.queries.execute<GetRetentionRunQuery, RetentionRun>(new GetRetentionRunQuery(ERASURE, jobId));
  }
}
