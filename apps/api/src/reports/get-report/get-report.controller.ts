import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { areasInScope, type Grant } from '@case-journey/access';
import { CLOCK, type Clock } from '@case-journey/platform';
import { refuseAreaOutOfScope } from '../../access/area-scope';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import type { ReportAnswer } from './get-report.handler';
import { GetReportQuery } from './get-report.query';
import { AsOfReportJobDto, ReportDto } from '../report.response';
import { reportCriteria, reportResponse } from './report-response';
import { ReportParamsDto } from './report-params.dto';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('reports')
@Controller('reports')
export class GetReportController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':measure')
  @Requires('reports:read')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The report (JSON), or RFC 4180 CSV',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReportDto) } },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180: a header row, then a row per group and the total, each naming the measure, its version, the definitions\' version, the basis and the as-of instant' } },
    },
  })
  @ApiExtraModels(ReportDto)
  @ApiAcceptedResponse({ type: AsOfReportJobDto, description: 'An as-of report still being computed: its job, state and progress; ask the same address again (Location)' })
  @ApiOperation({
    summary: "A measure's report: live, a frozen month-end snapshot, or as known at an instant; JSON, or CSV (Accept: text/csv, or /reports/{measure}.csv)",
    description:
      'Rows by the groups asked (groupBy), each cell with its numerator, denominator and value; a total row; where grouped by age band, sex or ethnicity, each group\'s ' +
      'rate with its Wilson 95 % interval, its rate ratio against the reference group (the stated group with most cases) and whether the difference is significant. ' +
      'A live report of one frozen month lists what moved since the snapshot and the late records behind it (snapshotComparison). ' +
      'The period defaults to the twelve months up to this one; the areas to yours.',
  })
  @ApiProblemResponses(400, { 404: 'No such measure in force, or (basis=frozen) a month not frozen' }, 503)
  async get(
    @Param('measure') measure: string,
    @Query(QueryParamsPipe) params: ReportParamsDto,
    @Caller() caller: Grant,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportDto | AsOfReportJobDto | string> {
    refuseAreaOutOfScope(caller, params.area);
    const scope = areasInScope(caller);
    const areas = params.area ? [params.area] : scope ? [...scope] : null;
    const { criteria, csv } = reportCriteria(measure, params, areas, request, this.clock.now(), false);
    const answer = await this.queries.execute<GetReportQuery, ReportAnswer>(new GetReportQuery(criteria));
    return reportResponse(answer, csv, request, response);
  }
}
