import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem } from '../../api/api-client';
import { ApiForUser } from '../../api/api-for-user';
import { SingleBody, SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { checkedReason, reasonErrorsOf } from '../erasure-reason';
import type { FormErrors } from '../form-errors';
import { dryRunViewModel, jobProgress, LISTING_PAGE, retentionErasureViewModel, type RetentionRunAnswer } from './retention.view-model';

const DRY_RUN = 'pages/retention/dry-run.njk';
const ERASURE = 'pages/retention/retention-erasure.njk';
const id = (jobId: string) => encodeURIComponent(jobId);

/**
 * Retention review for the data protection officer: a dry run listing the victims held past the
 * retention period (POST /retention/dry-runs), its listing, the erasure of exactly that listing with
 * a reason, and what the erasure did. Each job's page says where it stands and links to look again.
 */
@Controller('retention')
@UseGuards(SignedInGuard)
export class RetentionController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
  ) {}

  @Get()
  start(@Req() request: Request, @Res() response: Response): void {
    this.pages.send(request, response, 'pages/retention/retention.njk', { pageTitle: 'Retention review' });
  }

  @Post('dry-runs')
  async startDryRun(@Req() request: Request, @Res() response: Response): Promise<void> {
    const started = await this.api.of(request).post<RetentionRunAnswer>('retention/dry-runs', {});
    response.redirect(303, `/retention/dry-runs/${id(started.jobId)}`);
  }

  @Get('dry-runs/:jobId')
  async dryRun(@Req() request: Request, @Res() response: Response, @Param('jobId') jobId: string, @SingleQuery('offset') offset?: string): Promise<void> {
    this.pages.send(request, response, DRY_RUN, dryRunViewModel(await this.dryRunOf(request, jobId, offset)));
  }

  @Get('dry-runs/:jobId/progress.json')
  async dryRunProgress(@Req() request: Request, @Res() response: Response, @Param('jobId') jobId: string): Promise<void> {
    response.json(jobProgress(await this.dryRunOf(request, jobId, '0', 1)));
  }

  @Post('dry-runs/:jobId/erasure')
  async eraseListing(@Req() request: Request, @Res() response: Response, @Param('jobId') jobId: string, @SingleBody() body: Record<string, string>): Promise<void> {
    const { reason, errors } = checkedReason(body.reason);
    const refuse = async (formErrors: FormErrors) => this.pages.send(request, response, DRY_RUN, dryRunViewModel(await this.dryRunOf(request, jobId), body.reason ?? '', formErrors), 400);
    if (errors) return refuse(errors);
    try {
      const started = await this.api.of(request).post<RetentionRunAnswer>(`retention/dry-runs/${id(jobId)}/erasure`, { reason });
      response.redirect(303, `/retention/erasures/${id(started.jobId)}`);
    } catch (error) {
      // A bad reason (400) or a dry run not yet completed (409): said beside the reason, the listing still shown.
      if (error instanceof ApiProblem && (error.status === 400 || error.status === 409)) return refuse(reasonErrorsOf(error));
      throw error;
    }
  }

  @Get('erasures/:jobId')
  async erasure(@Req() request: Request, @Res() response: Response, @Param('jobId') jobId: string): Promise<void> {
    const run = await this.api.of(request).get<RetentionRunAnswer>(`retention/erasures/${id(jobId)}`);
    this.pages.send(request, response, ERASURE, retentionErasureViewModel(run));
  }

  @Get('erasures/:jobId/progress.json')
  async erasureProgress(@Req() request: Request, @Res() response: Response, @Param('jobId') jobId: string): Promise<void> {
    response.json(jobProgress(await this.api.of(request).get<RetentionRunAnswer>(`retention/erasures/${id(jobId)}`)));
  }

  private dryRunOf(request: Request, jobId: string, offset?: string, limit = LISTING_PAGE): Promise<RetentionRunAnswer> {
    return this.api.of(request).get<RetentionRunAnswer>(`retention/dry-runs/${id(jobId)}`, { offset: Math.max(0, Math.floor(Number(offset) || 0)), limit });
  }
}
