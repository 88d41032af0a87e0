import { VICTIMS_CODE_2020 } from '@case-journey/victims-code';
import { humanise, inSentence, londonDateTime } from '../http/london-time';

/** Each obligation status in words and the GOV.UK tag it is shown in: the words carry the meaning, the colour only repeats it. */
export const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  pending: { text: 'Pending', classes: 'govuk-tag--grey' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--yellow' },
  breached: { text: 'Overdue', classes: 'govuk-tag--red' },
  met: { text: 'Met on time', classes: 'govuk-tag--green' },
  'met-late': { text: 'Met late', classes: 'govuk-tag--orange' },
  'not-applicable': { text: 'Not applicable', classes: 'govuk-tag--grey' },
};

export const statusTag = (status: string) => STATUS_TAGS[status] ?? { text: humanise(status), classes: 'govuk-tag--grey' };

const RULES = new Map(VICTIMS_CODE_2020.rules.map((rule) => [rule.id, rule]));

/** `R4.referral` → "Right 4: Victim's details referred to a victim support service", as the rulebook titles it. */
export function ruleLabel(ruleId: string): string {
  const rule = RULES.get(ruleId);
  if (rule) return `Right ${rule.right}: ${rule.title}`;
  const found = /^R(\d+)\.(.+)$/.exec(ruleId);
  return found ? `Right ${found[1]}: ${inSentence(found[2])}` : humanise(ruleId);
}

/** What a victim must be told to meet the rule, when a contact meets it (the rulebook's `satisfiedBy.topic`). */
export const topicMeeting = (ruleId: string | undefined): string | undefined => (ruleId ? RULES.get(ruleId)?.satisfiedBy.topic : undefined);

export interface ObligationAnswer {
  ruleId: string;
  responsible: string;
  status: string;
  dueAt: string | null;
  satisfiedAt: string | null;
}

/** One row of the obligations table (pages/obligations-table.njk). */
export const obligationRow = (obligation: ObligationAnswer) => ({
  right: ruleLabel(obligation.ruleId),
  responsible: obligation.responsible,
  status: statusTag(obligation.status),
  due: obligation.dueAt ? londonDateTime(obligation.dueAt) : 'No deadline',
  dueSort: obligation.dueAt ?? '',
  met: obligation.satisfiedAt ? londonDateTime(obligation.satisfiedAt) : '',
});
