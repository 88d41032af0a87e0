import { Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiForUser } from '../../api/api-for-user';
import { SingleBody, SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { safeReturnPath } from '../../sign-in/signed-in-user';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { formError } from '../form-errors';
import { idempotencyKeyOf, newIdempotencyKey, recordHandoff } from '../record-handoff-request';
import { instantOf, whenFieldsNow, whenFieldsOf } from '../when-field';
import { contactFieldOf, contactFormModel, type ContactForm } from './record-contact.form';

/** "Record contact": what a victim was told, how and when, recorded as a VictimInformed with an idempotency key. */
@Controller('cases/:caseId/victims/:victimId/contacts')
@UseGuards(SignedInGuard)
export class RecordContactController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get('new')
  form(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @Param('victimId') victimId: string, @SingleQuery() query: Record<string, string>): void {
    const form: ContactForm = { channel: '', topic: '', when: whenFieldsNow(this.clock.now()), idempotencyKey: newIdempotencyKey(), rule: query.rule, returnTo: safeReturnPath(query.returnTo) };
    this.pages.send(request, response, 'pages/record-contact/record-contact.njk', contactFormModel(caseId, victimId, form));
  }

  @Post()
  async record(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @Param('victimId') victimId: string, @SingleBody() body: Record<string, string>): Promise<void> {
    const form: ContactForm = {
      channel: body.channel ?? '',
      topic: body.topic ?? '',
      when: whenFieldsOf(body),
      idempotencyKey: idempotencyKeyOf(body.idempotencyKey),
      rule: body.rule || undefined,
      returnTo: safeReturnPath(body.returnTo),
    };
    const when = instantOf(form.when, this.clock.now());
    const outcome =
      'problem' in when
        ? formError('when-day', when.problem)
        : await recordHandoff(
            this.api.of(request),
            caseId,
            { type: 'VictimInformed', occurredAt: when.instant, data: { victimId, ...(form.topic && { topic: form.topic }), ...(form.channel && { channel: form.channel }) } },
            form.idempotencyKey,
            contactFieldOf,
            'channel',
          );
    if ('errorList' in outcome) {
      this.pages.send(request, response, 'pages/record-contact/record-contact.njk', contactFormModel(caseId, victimId, form, outcome), 400);
      return;
    }
    request.session.flash = { title: 'Contact recorded', text: 'The worklist and the victim’s obligations show it within a second or two.' };
    response.redirect(303, form.returnTo === '/' ? `/cases/${encodeURIComponent(caseId)}/victims/${encodeURIComponent(victimId)}` : form.returnTo);
  }
}
