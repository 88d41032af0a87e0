import { Controller, Get, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiForUser } from '../../api/api-for-user';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { chosenPeriod, periodChoices } from '../reporting-period';
import { complianceCsv } from './compliance-csv';
import { complianceReportViewModel, type ComplianceAnswer } from './compliance-report.view-model';

const DIMENSIONS = ['area', 'month', 'right', 'agency', 'rights', 'entitlement'];

/** The board's compliance report: month by month for standard and enhanced rights, each right by agency, and the areas compared; every chart with its table and CSV. */
@Controller('reports')
@UseGuards(SignedInGuard)
export class ComplianceReportController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get('compliance')
  async report(@Req() request: Request, @Res() response: Response, @Query() query: Record<string, string>): Promise<void> {
    const periods = periodChoices(this.clock.now());
    const period = chosenPeriod(periods, query.period);
    const area = (query.area ?? '').trim();
    const api = this.api.of(request);
    const figures = (groupBy: string) => api.get<ComplianceAnswer>('compliance', { period, area: area || undefined, groupBy });
    const [trend, matrix, byArea] = await Promise.all([figures('month,rights'), figures('right,agency'), figures('area')]);
    const model = complianceReportViewModel(period, periods, area, request.session.user?.areas ?? [], { trend, matrix, byArea });
    this.pages.send(request, response, 'pages/compliance-report/compliance-report.njk', model);
  }

  @Get('compliance.csv')
  async csv(@Req() request: Request, @Res() response: Response, @Query() query: Record<string, string>): Promise<void> {
    const period = chosenPeriod(periodChoices(this.clock.now()), query.period);
    const groupBy = (query.groupBy ?? 'month,rights').split(',').filter((dimension) => DIMENSIONS.includes(dimension)).join(',') || 'month,rights';
    const answer = await this.api.of(request).get<ComplianceAnswer>('compliance', { period, area: query.area || undefined, groupBy });
    response
      .type('text/csv; charset=utf-8')
      .attachment(`victims-code-compliance-${query.area || 'all-areas'}-${period.replace('..', '-to-')}-by-${groupBy.replace(/,/g, '-')}.csv`)
      .send(complianceCsv(answer));
  }
}
