import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem } from '../../api/api-client';
import { ApiForUser } from '../../api/api-for-user';
import { SingleBody } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { adminViewModel, isProjectionName, rebuildViewModel, type HealthAnswer, type NotificationsAnswer, type RebuildAnswer } from './admin.view-model';

/** Administration: projection health and lag, queue depths, rebuilds with their progress, and the notification log. */
@Controller('admin')
@UseGuards(SignedInGuard)
export class AdminController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const api = this.api.of(request);
    const [health, notifications] = await Promise.all([
      // Health answers 503 with its body when degraded: the page shows it rather than fail.
      api.get<HealthAnswer>('health').catch((error: unknown) => (error instanceof ApiProblem && error.status === 503 ? (error.body as unknown as HealthAnswer) : Promise.reject(error))),
      api.get<NotificationsAnswer>('notifications', { limit: 20 }).catch((error: unknown) => (error instanceof ApiProblem && error.status === 403 ? { refused: error.message } : Promise.reject(error))),
    ]);
    this.pages.send(request, response, 'pages/admin/admin.njk', adminViewModel(health, notifications));
  }

  @Post('rebuilds')
  async rebuild(@Req() request: Request, @Res() response: Response, @SingleBody() body: Record<string, string>): Promise<void> {
    const projection = body.projection;
    if (!isProjectionName(projection)) return response.redirect(303, '/admin');
    const started = await this.api.of(request).post<RebuildAnswer>(`projections/${projection}/rebuild`, {});
    response.redirect(303, `/admin/rebuilds/${encodeURIComponent(started.jobId)}`);
  }

  @Get('rebuilds/:jobId')
  async progress(@Req() request: Request, @Res() response: Response, @Param('jobId') jobId: string): Promise<void> {
    const rebuild = await this.api.of(request).get<RebuildAnswer>(`projections/rebuilds/${encodeURIComponent(jobId)}`);
    this.pages.send(request, response, 'pages/admin/rebuild.njk', rebuildViewModel(rebuild));
  }

  /** The same, for the page's script to move the progress bar without reloading. */
  @Get('rebuilds/:jobId/progress.json')
  async progressJson(@Req() request: Request, @Res() response: Response, @Param('jobId') jobId: string): Promise<void> {
    const rebuild = await this.api.of(request).get<RebuildAnswer>(`projections/rebuilds/${encodeURIComponent(jobId)}`);
    response.json(rebuildViewModel(rebuild));
  }
}
