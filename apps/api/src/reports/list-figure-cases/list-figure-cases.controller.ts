import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, type Grant } from '@case-journey/access';
import { CLOCK, type Clock } from '@case-journey/platform';
import { refuseAreaOutOfScope } from '../../access/area-scope';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { ApiProblemResponses } from '../../http/problem.response';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { monthsOf } from '../../compliance/reporting-period';
import { checkMeasureId, filtersOf, lastTwelveMonths } from '../get-report/report-response';
import { FigureCasesDto } from './figure-cases.response';
import { FigureCasesParamsDto } from './figure-cases-params.dto';
import { ListFigureCasesQuery } from './list-figure-cases.query';

@ApiTags('reports')
@Controller('reports')
export class ListFigureCasesController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':measure/cases')
  @Requires('reports:read-cases')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The cases behind one figure of a live report',
    description:
      'Name the figure as its report was asked: the area and period, and its group as filters (`right:4,agency:Police`; a month is a one-month period, an area the area), ' +
      "then the column (the headline when absent) and which count: the denominator (a rate's base, the default) or the numerator. " +
      "Each case comes with what it adds to the figure and its own row of the report; the counts add up to the report's figure. " +
      'Case references and progress only: no victim is named.',
  })
  @ApiOkResponse({ type: FigureCasesDto })
  @ApiProblemResponses({ 400: 'A parameter that is not right, or a filter, column or part the measure has not: the field named', 404: 'No such measure in force' }, 503)
  list(@Param('measure') measure: string, @Query(QueryParamsPipe) params: FigureCasesParamsDto, @Caller() caller: Grant): Promise<FigureCasesDto> {
    checkMeasureId(measure);
    refuseAreaOutOfScope(caller, params.area);
    const scope = areasInScope(caller);
    const now = this.clock.now();
    return this.queries.execute<ListFigureCasesQuery, FigureCasesDto>(
      new ListFigureCasesQuery({
        measure,
        areas: params.area ? [params.area] : scope ? [...scope] : null,
        months: params.period ? monthsOf(params.period)! : lastTwelveMonths(now),
        filters: filtersOf(params.filter),
        column: params.column,
        part: params.part,
        offset: params.offset,
        limit: params.limit,
        now,
      }),
    );
  }
}
