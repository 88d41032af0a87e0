import { CONTACT_CHANNELS, INFORMATION_TOPICS } from '@case-journey/domain';
import { humanise } from '../../http/london-time';
import type { FormErrors } from '../form-errors';
import { ruleLabel, topicMeeting } from '../obligation-labels';
import type { WhenFields } from '../when-field';

export interface ContactForm {
  channel: string;
  topic: string;
  when: WhenFields;
  idempotencyKey: string;
  rule?: string;
  returnTo: string;
}

/** The API's field paths as the form's field ids. */
export const contactFieldOf = (apiField: string): string | undefined =>
  ({ 'data.channel': 'channel', 'data.topic': 'topic', occurredAt: 'when-day', 'data.victimId': 'channel' })[apiField];

export function contactFormModel(caseId: string, victimId: string, form: ContactForm, errors?: FormErrors) {
  const topic = form.topic || topicMeeting(form.rule) || '';
  return {
    pageTitle: 'Record a contact',
    action: `/cases/${encodeURIComponent(caseId)}/victims/${encodeURIComponent(victimId)}/contacts`,
    caseId,
    victimId,
    form,
    forRule: form.rule ? ruleLabel(form.rule) : undefined,
    errorList: errors?.errorList,
    errors: errors?.byField ?? {},
    channelItems: CONTACT_CHANNELS.map((channel) => ({ value: channel, text: humanise(channel), checked: channel === form.channel })),
    topicItems: [{ value: '', text: 'Choose what they were told' }, ...INFORMATION_TOPICS.map((value) => ({ value, text: humanise(value), selected: value === topic }))],
  };
}
