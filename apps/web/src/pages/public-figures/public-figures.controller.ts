import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem } from '../../api/api-client';
import { ApiForUser } from '../../api/api-for-user';
import { SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { chosenPeriod, periodChoices } from '../reporting-period';
import { publicFiguresViewModel, type PublicReportAnswer } from './public-figures.view-model';

/** The published figures: no sign-in, and only what the API publishes, every small number already suppressed by it. */
@Controller('public')
export class PublicFiguresController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get('compliance')
  async show(@Req() request: Request, @Res() response: Response, @SingleQuery('period') asked?: string): Promise<void> {
    const periods = periodChoices(this.clock.now());
    const period = chosenPeriod(periods, asked);
    const periodItems = periods.map((choice) => ({ ...choice, selected: choice.value === period }));
    let report: PublicReportAnswer;
    try {
      // Asked without the user's token even when signed in: the public page shows what the public sees.
      report = await this.api.anonymous().get<PublicReportAnswer>('public/reports/code-compliance', { period, groupBy: 'entitlement' });
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status !== 404) throw error;
      this.pages.send(request, response, 'pages/public-figures/public-figures.njk', { pageTitle: 'Published Victims’ Code figures', periodItems, unavailable: true });
      return;
    }
    this.pages.send(request, response, 'pages/public-figures/public-figures.njk', publicFiguresViewModel(report, periodItems));
  }
}
