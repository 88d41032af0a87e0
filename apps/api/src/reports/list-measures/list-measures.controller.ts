import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@case-journey/platform';
import { Requires } from '../../access/requires.decorator';
import type { MeasuresInForce } from './list-measures.handler';
import { ListMeasuresQuery } from './list-measures.query';
import { MeasuresInForceDto } from './measures.response';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('reports')
@Controller('reports/measures')
export class ListMeasuresController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Requires('reports:read')
  @ApiOperation({
    summary: 'The shared measures in force today',
    description:
      'The definitions set (id, version) and each measure in force: its version and effective dates, what it counts (source, entitlements), ' +
      'its numerator and denominator, its columns (rate, count, median or 90th percentile, and the outcomes each counts), its breakdowns and the victim characteristics it is compared on.',
  })
  @ApiProblemResponses(400)
  @ApiOkResponse({ type: MeasuresInForceDto })
  list(): Promise<MeasuresInForceDto> {
    return this.queries.execute<ListMeasuresQuery, MeasuresInForce>(new ListMeasuresQuery(this.clock.now()));
  }
}
