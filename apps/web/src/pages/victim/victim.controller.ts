import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isAccessPurpose } from '@case-journey/access';
import { ApiForUser } from '../../api/api-for-user';
import { SingleBody } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { victimViewModel, type VictimDetailsAnswer, type VictimJourneyAnswer } from './victim.view-model';

/**
 * A victim's page: preferences, opt-outs, every touchpoint and obligation; their contact details are
 * opened only on a stated purpose, which the API records in the audit log before it answers.
 */
@Controller('cases/:caseId/victims/:victimId')
@UseGuards(SignedInGuard)
export class VictimController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @Param('victimId') victimId: string): Promise<void> {
    const journey = await this.journey(request, caseId, victimId);
    this.pages.send(request, response, 'pages/victim/victim.njk', victimViewModel(caseId, journey));
  }

  /** A POST, so that opening someone's details is a deliberate act, never a link followed or prefetched. */
  @Post('details')
  async open(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @Param('victimId') victimId: string, @SingleBody() body: Record<string, string>): Promise<void> {
    const journey = await this.journey(request, caseId, victimId);
    if (!isAccessPurpose(body.purpose)) {
      const model = victimViewModel(caseId, journey, undefined, 'Select why you need this person’s contact details');
      this.pages.send(request, response, 'pages/victim/victim.njk', { ...model, errorList: [{ text: model.purposeError, href: '#purpose' }] }, 400);
      return;
    }
    const details = await this.api.of(request).get<VictimDetailsAnswer>(`cases/${encodeURIComponent(caseId)}/victims/${encodeURIComponent(victimId)}`, { purpose: body.purpose });
    this.pages.send(request, response, 'pages/victim/victim.njk', victimViewModel(caseId, journey, details));
  }

  private journey(request: Request, caseId: string, victimId: string): Promise<VictimJourneyAnswer> {
    return this.api.of(request).get<VictimJourneyAnswer>(`cases/${encodeURIComponent(caseId)}/victims/${encodeURIComponent(victimId)}/journey`);
  }
}
