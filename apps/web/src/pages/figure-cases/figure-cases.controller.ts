import { Controller, Get, Inject, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiForUser } from '../../api/api-for-user';
import { SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { MEASURE } from '../compliance-report/compliance-report.view-model';
import { chosenPeriod, periodChoices } from '../reporting-period';
import { figureCasesViewModel, type FigureCasesAnswer } from './figure-cases.view-model';

const PAGE = 50;

/**
 * From a figure of the compliance report to the cases behind it (GET /reports/code-compliance/cases).
 * The API decides who may: case progression and witness care, in their areas; a board's call is its 403.
 */
@Controller('reports/compliance/cases')
@UseGuards(SignedInGuard)
export class FigureCasesController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @SingleQuery() query: Record<string, string>): Promise<void> {
    const period = chosenPeriod(periodChoices(this.clock.now()), query.period);
    // A month of the trend is a period of its own, which the picker need not offer.
    const asked = {
      period: /^\d{4}-\d{2}$/.test(query.period ?? '') ? query.period : period,
      area: (query.area ?? '').trim() || undefined,
      filter: (query.filter ?? '').split(',').filter(Boolean),
      column: query.column || 'met-on-time',
      part: query.part === 'numerator' ? 'numerator' : 'denominator',
      offset: Math.max(0, Math.floor(Number(query.offset) || 0)),
    };
    const answer = await this.api.of(request).get<FigureCasesAnswer>(`reports/${MEASURE}/cases`, {
      period: asked.period,
      area: asked.area,
      filter: asked.filter.join(',') || undefined,
      column: asked.column,
      part: asked.part,
      offset: asked.offset,
      limit: PAGE,
    });
    this.pages.send(request, response, 'pages/figure-cases/figure-cases.njk', figureCasesViewModel(answer, asked));
  }
}
