import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiForUser } from '../../api/api-for-user';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { finderQuery, finderViewModel, type CasePageAnswer } from './case-finder.view-model';

/** The case finder: search by URN, area, stage, the agency waited on and breaches (GET /cases), a page at a time. */
@Controller('cases')
@UseGuards(SignedInGuard)
export class CaseFinderController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async find(@Req() request: Request, @Res() response: Response, @Query() query: Record<string, string | string[]>): Promise<void> {
    const { filters, api } = finderQuery(query);
    const page = await this.api.of(request).get<CasePageAnswer>('cases', api);
    const search = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
    this.pages.send(request, response, 'pages/case-finder/case-finder.njk', finderViewModel(page, filters, request.session.user?.areas ?? [], search));
  }
}
