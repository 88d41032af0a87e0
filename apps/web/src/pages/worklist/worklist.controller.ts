import { Controller, Get, Inject, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiForUser } from '../../api/api-for-user';
import { SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { TABS, tabQuery, worklistFilters, worklistViewModel, type Tab, type WorklistAnswer } from './worklist.view-model';

const PAGE_SIZE = 25;

/** The witness care worklist: overdue, due today and due this week as tabs with their counts, filtered by rights, agency and area. */
@Controller('worklist')
@UseGuards(SignedInGuard)
export class WorklistController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @SingleQuery() query: Record<string, string>): Promise<void> {
    const api = this.api.of(request);
    const filters = worklistFilters(query);
    const now = this.clock.now();
    const [page, ...others] = await Promise.all([
      api.get<WorklistAnswer>('worklists/witness-care', tabQuery(filters.tab, filters, now, { offset: filters.offset, limit: PAGE_SIZE })),
      ...TABS.filter((tab) => tab !== filters.tab).map((tab) => api.get<WorklistAnswer>('worklists/witness-care', tabQuery(tab, filters, now, { offset: 0, limit: 1 }))),
    ]);
    const otherTabs = TABS.filter((tab) => tab !== filters.tab);
    const counts = Object.fromEntries([[filters.tab, page.total], ...otherTabs.map((tab, i) => [tab, others[i].total])]) as Record<Tab, number>;
    this.pages.send(request, response, 'pages/worklist/worklist.njk', worklistViewModel(filters, counts, page, request.session.user?.areas ?? []));
  }
}
