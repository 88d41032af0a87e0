import { Controller, Get, Inject, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Report } from '@case-journey/reporting';
import { ApiForUser } from '../../api/api-for-user';
import { SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { figureCasesHref, mayFollowFiguresToCases } from '../figure-cases/figure-cases.view-model';
import { chosenPeriod, periodChoices } from '../reporting-period';
import { complianceReportViewModel, MEASURE } from './compliance-report.view-model';

const DIMENSIONS = ['area', 'month', 'right', 'agency', 'rights', 'entitlement'];

/**
 * The board's compliance report, read from the shared measure `code-compliance` (GET /reports/code-compliance),
 * the report the board's tabled pack is made of: month by month for standard and enhanced rights, each
 * right by agency, and the areas compared; every chart with its table and the API's own CSV.
 */
@Controller('reports')
@UseGuards(SignedInGuard)
export class ComplianceReportController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get('compliance')
  async report(@Req() request: Request, @Res() response: Response, @SingleQuery() query: Record<string, string>): Promise<void> {
    const periods = periodChoices(this.clock.now());
    const period = chosenPeriod(periods, query.period);
    const area = (query.area ?? '').trim();
    const api = this.api.of(request);
    const figures = (groupBy: string) => api.get<Report>(`reports/${MEASURE}`, { period, area: area || undefined, groupBy });
    const [trend, matrix, byArea] = await Promise.all([figures('month,rights'), figures('right,agency'), figures('area')]);
    const user = request.session.user;
    const casesLink = mayFollowFiguresToCases(user) ? figureCasesHref : () => undefined;
    const model = complianceReportViewModel(period, periods, area, user?.areas ?? [], { trend, matrix, byArea }, casesLink);
    this.pages.send(request, response, 'pages/compliance-report/compliance-report.njk', model);
  }

  /** The API's CSV of the same report, passed on as it is: every row names the measure, its version and the as-of instant. */
  @Get('compliance.csv')
  async csv(@Req() request: Request, @Res() response: Response, @SingleQuery() query: Record<string, string>): Promise<void> {
    const period = chosenPeriod(periodChoices(this.clock.now()), query.period);
    const groupBy = (query.groupBy ?? 'month,rights').split(',').filter((dimension) => DIMENSIONS.includes(dimension)).join(',') || 'month,rights';
    const answer = await this.api.of(request).download(`reports/${MEASURE}.csv`, { period, area: query.area || undefined, groupBy }, 'text/csv');
    response
      .type('text/csv; charset=utf-8')
      .attachment(`victims-code-compliance-${query.area || 'all-areas'}-${period.replace('..', '-to-')}-by-${groupBy.replace(/,/g, '-')}.csv`)
      .send(await answer.text());
  }
}
