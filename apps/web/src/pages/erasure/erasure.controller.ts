import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem } from '../../api/api-client';
import { ApiForUser } from '../../api/api-for-user';
import { SingleBody, SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import type { AuditAnswer } from '../audit/audit.view-model';
import { checkedReason, reasonErrorsOf } from '../erasure-reason';
import { formError } from '../form-errors';
import { erasureConfirmViewModel, erasureResultViewModel, erasureStartViewModel, isVictimId, type ErasureAnswer, type ErasureOutcome } from './erasure.view-model';

declare module 'express-session' {
  interface SessionData {
    /** The last erasure's outcome, for the result page the form redirects to. */
    erasure?: ErasureOutcome;
  }
}

const START = 'pages/erasure/erasure-start.njk';
const CONFIRM = 'pages/erasure/erasure-confirm.njk';
const RESULT = 'pages/erasure/erasure-result.njk';
const pathOf = (victimId: string) => `/victims/${encodeURIComponent(victimId)}/erasure`;

/**
 * The data protection officer erases a victim's personal data (POST /victims/:victimId/erasure): the
 * victim found by their ID (typed, or followed from an audit log entry), a confirmation page saying
 * what goes and asking why, and the result.
 */
@Controller()
@UseGuards(SignedInGuard)
export class ErasureController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
  ) {}

  @Get('erasures')
  async start(@Req() request: Request, @Res() response: Response, @SingleQuery('victimId') victimId?: string): Promise<void> {
    if (victimId !== undefined && isVictimId(victimId.trim())) return response.redirect(303, pathOf(victimId.trim()));
    const errors = victimId === undefined ? undefined : formError('victimId', 'Enter the victim’s ID, as the case team gave it or as the audit log shows it');
    await this.showStart(request, response, victimId ?? '', errors, errors ? 400 : 200);
  }

  @Get('victims/:victimId/erasure')
  async confirm(@Req() request: Request, @Res() response: Response, @Param('victimId') victimId: string): Promise<void> {
    const audit = await this.auditOf(request, victimId);
    this.pages.send(request, response, CONFIRM, erasureConfirmViewModel(victimId, audit));
  }

  @Post('victims/:victimId/erasure')
  async erase(@Req() request: Request, @Res() response: Response, @Param('victimId') victimId: string, @SingleBody() body: Record<string, string>): Promise<void> {
    const { reason, errors } = checkedReason(body.reason);
    const refuse = async (formErrors: typeof errors) => this.pages.send(request, response, CONFIRM, erasureConfirmViewModel(victimId, await this.auditOf(request, victimId), body.reason ?? '', formErrors), 400);
    if (errors) return refuse(errors);
    let outcome: ErasureOutcome;
    try {
      outcome = { victimId, answer: await this.api.of(request).post<ErasureAnswer>(`victims/${encodeURIComponent(victimId)}/erasure`, { reason }) };
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.status === 400) return refuse(reasonErrorsOf(error));
      // No case holds that ID: back to where it was typed, with the API's words beside it.
      if (error.status === 404) return this.showStart(request, response, victimId, formError('victimId', `${error.message}: check the ID`), 404);
      if (error.status !== 410) throw error;
      outcome = { victimId, gone: true };
    }
    request.session.erasure = outcome;
    response.redirect(303, `${pathOf(victimId)}/done`);
  }

  @Get('victims/:victimId/erasure/done')
  async result(@Req() request: Request, @Res() response: Response, @Param('victimId') victimId: string): Promise<void> {
    const kept = request.session.erasure;
    if (kept?.victimId === victimId) return this.pages.send(request, response, RESULT, erasureResultViewModel(kept));
    // Opened again later (a bookmark, another session): the audit log says whether it was erased.
    const erased = await this.api.of(request).get<AuditAnswer>('audit', { victimId, action: 'victim-data-erased', limit: 1 });
    const entry = erased.entries[0];
    if (!entry) return response.redirect(303, pathOf(victimId));
    this.pages.send(request, response, RESULT, erasureResultViewModel({ victimId, gone: true, erasedAt: entry.at, erasedBy: entry.subject }));
  }

  private auditOf(request: Request, victimId: string): Promise<AuditAnswer> {
    return this.api.of(request).get<AuditAnswer>('audit', { victimId, limit: 50 });
  }

  private async showStart(request: Request, response: Response, victimId: string, errors: ReturnType<typeof formError> | undefined, status: number): Promise<void> {
    const recent = await this.api.of(request).get<AuditAnswer>('audit', { action: 'victim-data-erased', limit: 10 });
    this.pages.send(request, response, START, erasureStartViewModel(recent, victimId, errors), status);
  }
}
