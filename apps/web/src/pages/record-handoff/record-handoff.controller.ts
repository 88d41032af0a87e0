import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CaseEventType } from '@case-journey/domain';
import { ApiForUser } from '../../api/api-for-user';
import { humanise } from '../../http/london-time';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { formError, type FormErrors } from '../form-errors';
import { idempotencyKeyOf, newIdempotencyKey, recordHandoff } from '../record-handoff-request';
import { instantOf, whenFieldsNow, whenFieldsOf, type WhenFields } from '../when-field';
import { dataOf, fieldId, HANDOFF_FORMS, handoffTypesFor } from './handoff-forms';

/** The API's field paths as the form's field ids: `data.fileId` → `data-fileId`, the instant → the date. */
const handoffFieldOf = (apiField: string) => (apiField === 'occurredAt' ? 'when-day' : apiField.startsWith('data.') ? fieldId(apiField.slice(5).split(/[.[]/)[0]) : undefined);

/** Record one of the user's agency's handoffs on a case, with the API's validation errors beside the fields. */
@Controller('cases/:caseId/handoffs')
@UseGuards(SignedInGuard)
export class RecordHandoffController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get('new')
  form(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @Query('type') type?: string): void {
    const types = handoffTypesFor(request.session.user?.agency);
    const chosen = types.find((candidate) => candidate === type);
    this.render(request, response, caseId, types, chosen, {}, whenFieldsNow(this.clock.now()), newIdempotencyKey());
  }

  @Post()
  async record(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @Body() body: Record<string, string>): Promise<void> {
    const types = handoffTypesFor(request.session.user?.agency);
    const type = types.find((candidate) => candidate === body.type);
    const when = whenFieldsOf(body);
    const key = idempotencyKeyOf(body.idempotencyKey);
    if (!type) {
      this.render(request, response, caseId, types, undefined, body, when, key, formError('type', 'Choose what happened'));
      return;
    }
    const instant = instantOf(when, this.clock.now());
    const outcome =
      'problem' in instant
        ? formError('when-day', instant.problem)
        : await recordHandoff(this.api.of(request), caseId, { type, occurredAt: instant.instant, data: dataOf(type, body) }, key, handoffFieldOf, 'type');
    if ('errorList' in outcome) {
      this.render(request, response, caseId, types, type, body, when, key, outcome);
      return;
    }
    request.session.flash = { title: `${humanise(type)} recorded`, text: 'The case’s timeline shows it within a second or two.' };
    response.redirect(303, `/cases/${encodeURIComponent(caseId)}`);
  }

  private render(request: Request, response: Response, caseId: string, types: CaseEventType[], type: CaseEventType | undefined, answers: Record<string, string>, when: WhenFields, idempotencyKey: string, errors?: FormErrors): void {
    const fields = (type ? HANDOFF_FORMS[type]!.fields : []).map((field) => {
      const id = fieldId(field.name);
      const value = answers[id] ?? '';
      return {
        ...field,
        id,
        label: field.optional ? `${field.label} (optional)` : field.label,
        value,
        error: errors?.byField[id],
        items: field.options?.map((option) => ({ value: option, text: humanise(option), checked: option === value, selected: option === value })),
      };
    });
    this.pages.send(
      request,
      response,
      'pages/record-handoff/record-handoff.njk',
      {
        pageTitle: 'Record a handoff',
        caseId,
        agency: request.session.user?.agency,
        type,
        typeItems: types.map((candidate) => ({ value: candidate, text: HANDOFF_FORMS[candidate]!.title, checked: candidate === type })),
        fields,
        when,
        idempotencyKey,
        errorList: errors?.errorList,
        errors: errors?.byField ?? {},
      },
      errors ? 400 : 200,
    );
  }
}
