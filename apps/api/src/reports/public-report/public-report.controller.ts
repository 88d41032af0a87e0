import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CLOCK, type Clock } from '@case-journey/platform';
import { Requires } from '../../access/requires.decorator';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import type { ReportAnswer } from '../get-report/get-report.handler';
import { GetReportQuery } from '../get-report/get-report.query';
import { reportCriteria, reportResponse } from '../get-report/report-response';
import { ReportDto } from '../report.response';
import { PublicReportParamsDto } from '../get-report/report-params.dto';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('reports')
@Controller('public/reports')
export class PublicReportController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':measure')
  @Requires('reports:read-public')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The suppressed report (JSON), or RFC 4180 CSV',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReportDto) } },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180: a header row, then a row per group and the total, each naming the measure, its version, the definitions\' version, the basis and the as-of instant' } },
    },
  })
  @ApiExtraModels(ReportDto)
  @ApiOperation({
    summary: "A measure's report for the public, without signing in: always suppressed",
    description:
      'As GET /reports/{measure}, live or frozen, for any area or all: counts below 5 are suppressed, and others where needed so that no suppressed count can be worked out ' +
      'from its row, column or the total; no rate rests on a suppressed count, and no comparison on a suppressed group. It names no case.',
  })
  @ApiProblemResponses(400, { 404: 'No such measure in force, or (basis=frozen) a month not frozen' }, 503)
  async get(@Param('measure') measure: string, @Query(QueryParamsPipe) params: PublicReportParamsDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<ReportDto | string> {
    const { criteria, csv } = reportCriteria(measure, params, params.area ? [params.area] : null, request, this.clock.now(), true);
    const answer = await this.queries.execute<GetReportQuery, ReportAnswer>(new GetReportQuery(criteria));
    return reportResponse(answer, csv, request, response) as ReportDto | string;
  }
}
