import { humanise } from '../http/london-time';

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

/** `R4.referral` → "Right 4: referral". */
export function ruleLabel(ruleId: string): string {
  const found = /^R(\d+)\.(.+)$/.exec(ruleId);
  return found ? `Right ${found[1]}: ${humanise(found[2]).toLowerCase()}` : humanise(ruleId);
}
