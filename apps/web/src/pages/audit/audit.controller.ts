import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiForUser } from '../../api/api-for-user';
import { SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { auditQuery, auditViewModel, type AuditAnswer } from './audit.view-model';

/** The data protection officer's audit log: who opened which victim's data, why, and whether the log's hash chain holds (GET /audit). */
@Controller('audit')
@UseGuards(SignedInGuard)
export class AuditController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @SingleQuery() query: Record<string, string>): Promise<void> {
    const { filters, api } = auditQuery(query);
    const answer = await this.api.of(request).get<AuditAnswer>('audit', api);
    this.pages.send(request, response, 'pages/audit/audit.njk', auditViewModel(answer, filters));
  }
}
