import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CaseEventType } from '@case-journey/domain';
import { ApiForUser } from '../../api/api-for-user';
import { HandoffDescriptionsSource, type HandoffDescriptions } from '../../api/handoff-descriptions';
import { humanise, londonDateTime } from '../../http/london-time';
import { SingleQuery, singleValues } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { formError, type FormErrors } from '../form-errors';
import { idempotencyKeyOf, newIdempotencyKey, recordHandoff } from '../record-handoff-request';
import { instantOf, whenFieldsNow, whenFieldsOf, type WhenFields } from '../when-field';
import { dataOf, fieldsOf, formFieldOf, handoffTitle, handoffTypesFor, labelOf, type HandoffField } from './handoff-forms';

type Answers = Record<string, string | string[] | undefined>;

/** What the case holds that a field may name: its victims, hearings and records, so nobody types an id. */
interface CaseChoices {
  state: { victims: Array<{ victimId: string; kind?: string }>; hearings?: Array<{ hearingId: string; hearingType?: string; scheduledFor?: string }> };
  /** The case's records, for a field naming one (`…EventId`); those a correction may name are the user's agency's own. */
  records: Array<{ eventId: string; type: string; agency: string; occurredAt: string }>;
  agency?: string;
}

/** Records an agency may amend: its own, and not an amendment itself. */
const AMENDS = new Set(['correctedEventId', 'retractedEventId']);
const AMENDMENTS = new Set(['EventCorrected', 'EventRetracted']);

/**
 * Record any of the user's agency's handoffs on a case: the fields of each come from the API's own
 * description of the record, and the API's validation errors are shown beside them (GOV.UK error summary).
 */
@Controller('cases/:caseId/handoffs')
@UseGuards(SignedInGuard)
export class RecordHandoffController {
  constructor(
    private readonly api: ApiForUser,
    private readonly descriptions: HandoffDescriptionsSource,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get('new')
  async form(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @SingleQuery('type') type?: string): Promise<void> {
    const described = await this.descriptions.get();
    const types = handoffTypesFor(request.session.user?.agency, described.types);
    const chosen = types.find((candidate) => candidate === type);
    await this.render(request, response, { caseId, described, types, type: chosen, answers: {}, when: whenFieldsNow(this.clock.now()), idempotencyKey: newIdempotencyKey() });
  }

  @Post()
  async record(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @Body() body: Answers): Promise<void> {
    const described = await this.descriptions.get();
    const types = handoffTypesFor(request.session.user?.agency, described.types);
    const type = types.find((candidate) => candidate === body.type);
    const when = whenFieldsOf(singleValues(body));
    const form = { caseId, described, types, type, answers: body, when, idempotencyKey: idempotencyKeyOf(body.idempotencyKey) };
    if (!type) {
      await this.render(request, response, { ...form, errors: formError('type', 'Choose what happened') });
      return;
    }
    const fields = this.fieldsFor(described, type);
    const now = this.clock.now();
    const instant = instantOf(when, now);
    const { data, problems } = dataOf(fields, body, (parts) => instantOf(parts, now));
    const outcome =
      'problem' in instant
        ? formError('when-day', instant.problem)
        : Object.keys(problems).length > 0
          ? formErrorsOf(problems)
          : await recordHandoff(this.api.of(request), caseId, { type, occurredAt: instant.instant, data }, form.idempotencyKey, (apiField) => formFieldOf(fields, apiField), 'type');
    if ('errorList' in outcome) {
      await this.render(request, response, { ...form, errors: outcome });
      return;
    }
    request.session.flash = { title: handoffTitle(type), text: 'The case’s timeline shows it within a second or two.' };
    response.redirect(303, `/cases/${encodeURIComponent(caseId)}`);
  }

  private async caseChoices(request: Request, caseId: string, fields: HandoffField[]): Promise<CaseChoices> {
    const api = this.api.of(request);
    const path = `cases/${encodeURIComponent(caseId)}`;
    const namesRecords = fields.some((field) => field.path[field.path.length - 1].endsWith('EventId'));
    const [found, timeline] = await Promise.all([
      api.get<Pick<CaseChoices, 'state'>>(path),
      namesRecords ? api.get<{ entries: CaseChoices['records'] }>(`${path}/timeline`) : Promise.resolve({ entries: [] }),
    ]);
    return { state: found.state, records: timeline.entries, agency: request.session.user?.agency };
  }

  private fieldsFor(described: HandoffDescriptions, type: CaseEventType): HandoffField[] {
    const payload = described.payloadOf(type);
    return payload ? fieldsOf(payload, described.schemas) : [];
  }

  private async render(
    request: Request,
    response: Response,
    form: { caseId: string; described: HandoffDescriptions; types: CaseEventType[]; type?: CaseEventType; answers: Answers; when: WhenFields; idempotencyKey: string; errors?: FormErrors },
  ): Promise<void> {
    const { caseId, described, types, type, answers, when, idempotencyKey, errors } = form;
    const fieldsOfType = type ? this.fieldsFor(described, type) : [];
    const choices = type ? await this.caseChoices(request, caseId, fieldsOfType) : undefined;
    const fields = fieldsOfType.map((field) => viewOf(field, answers, errors, choices));
    this.pages.send(
      request,
      response,
      'pages/record-handoff/record-handoff.njk',
      {
        pageTitle: 'Record a handoff',
        caseId,
        agency: request.session.user?.agency,
        type,
        typeItems: types.map((candidate) => ({ value: candidate, text: handoffTitle(candidate), checked: candidate === type })),
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

/** A form problem found before anything is sent, as the error summary shows it. */
function formErrorsOf(problems: Record<string, string>): FormErrors {
  return { errorList: Object.entries(problems).map(([field, text]) => ({ text, href: `#${field}` })), byField: problems };
}

/** One field as the template shows it: its answer, its error, and its choices (a victim or hearing of the case picked from a list). */
function viewOf(field: HandoffField, answers: Answers, errors: FormErrors | undefined, choices: CaseChoices | undefined) {
  const answer = answers[field.id];
  const chosen = ([] as string[]).concat(answer ?? []);
  const value = typeof answer === 'string' ? answer : '';
  const name = field.path[field.path.length - 1];
  let kind = field.kind;
  let options: Array<{ value: string; text: string }> | undefined = field.options?.map((option) => ({ value: option, text: labelOf(option) }));
  if (kind === 'yes-no') options = [{ value: 'true', text: 'Yes' }, { value: 'false', text: 'No' }];
  const aboutTheCase = field.path.length === 1; // a victim being registered (`victim.victimId`) is a new one, not one of the case's
  if (name === 'victimId' && aboutTheCase && choices?.state.victims.length) {
    kind = 'radios';
    options = choices.state.victims.map((victim, i) => ({ value: victim.victimId, text: `Victim ${i + 1}${victim.kind && victim.kind !== 'person' ? ` (${humanise(victim.kind)})` : ''}` }));
  }
  if (name === 'hearingId' && aboutTheCase && choices?.state.hearings?.length) {
    kind = 'select';
    options = choices.state.hearings.map((hearing) => ({ value: hearing.hearingId, text: [hearing.hearingId, hearing.hearingType && humanise(hearing.hearingType), hearing.scheduledFor && londonDateTime(hearing.scheduledFor)].filter(Boolean).join(', ') }));
  }
  if (name.endsWith('EventId') && choices?.records.length) {
    const records = AMENDS.has(name) ? choices.records.filter((record) => record.agency === choices.agency && !AMENDMENTS.has(record.type)) : choices.records;
    kind = 'select';
    options = records.map((record) => ({ value: record.eventId, text: `${handoffTitle(record.type)} (${record.agency}), ${londonDateTime(record.occurredAt)}` }));
  }
  const errorOf = (id: string) => errors?.byField[id];
  return {
    ...field,
    kind: kind === 'yes-no' ? 'radios' : kind,
    label: field.optional ? `${field.label} (optional)` : field.label,
    value,
    when: kind === 'instant' ? { day: answers[`${field.id}-day`] ?? '', month: answers[`${field.id}-month`] ?? '', year: answers[`${field.id}-year`] ?? '', time: answers[`${field.id}-time`] ?? '' } : undefined,
    error: kind === 'instant' ? errorOf(`${field.id}-day`) : errorOf(field.id),
    items: options?.map((option) => ({ ...option, checked: chosen.includes(option.value), selected: option.value === value })),
  };
}
