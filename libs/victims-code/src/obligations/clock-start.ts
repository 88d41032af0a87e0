import { parseInstant } from '../calendar/iso-instants';
import type { Rule } from '../rulebook/rulebook';
import { eventsOfType, type CaseRecord, type TimedEvent } from './case-record';
import type { ClockSource } from './obligation';
import { dataField } from './trigger-conditions';

export interface ClockStart {
  at: number;
  source: ClockSource;
  eventId: string;
}

/**
 * When the responsible agency's clock started. A receipt clock with a court notice reads the
 * agency's CourtNoticeReceived of that kind for the hearing, made after this court event and
 * before the next one of the same type for the hearing (a re-listing has its own notice), and
 * starts at that notice's receivedAt (else its occurredAt); without one it falls back to the
 * trigger's receivedAt, then its occurredAt. Every receipt clock of the rulebook follows this.
 */
export function clockStartOf(rule: Rule, trigger: TimedEvent, record: CaseRecord): ClockStart {
  const { metadata } = trigger.event;
  if (rule.clock.start === 'decision') return { at: trigger.at, source: 'occurred-at', eventId: metadata.eventId };
  const notice = rule.clock.courtNotice ? courtNoticeFor(rule, trigger, record) : undefined;
  if (notice) return { at: receivedAtOf(notice) ?? notice.at, source: 'court-notice', eventId: notice.event.metadata.eventId };
  const receivedAt = receivedAtOf(trigger);
  if (receivedAt !== undefined) return { at: receivedAt, source: 'received-at', eventId: metadata.eventId };
  return { at: trigger.at, source: 'occurred-at', eventId: metadata.eventId };
}

/** A court notice's occurredAt is when the court sent it; the agency's clock runs from its receivedAt. */
function receivedAtOf(timed: TimedEvent): number | undefined {
  const { receivedAt } = timed.event.metadata;
  const at = receivedAt === undefined ? NaN : parseInstant(receivedAt);
  return Number.isNaN(at) ? undefined : at;
}

function courtNoticeFor(rule: Rule, trigger: TimedEvent, record: CaseRecord): TimedEvent | undefined {
  const hearingId = dataField(trigger.event, 'hearingId');
  if (hearingId === undefined) return undefined;
  let until = Infinity;
  for (const sibling of eventsOfType(record, trigger.event.type)) {
    if (sibling.at <= trigger.at || sibling.at >= until || dataField(sibling.event, 'hearingId') !== hearingId) continue;
    if (!foldedTogether(rule, trigger, sibling)) until = sibling.at;
  }
  for (const notice of eventsOfType(record, 'CourtNoticeReceived')) {
    const { event, at } = notice;
    if (event.type !== 'CourtNoticeReceived' || at < trigger.at || at >= until) continue;
    if (event.data.hearingId === hearingId && event.data.notice === rule.clock.courtNotice && event.metadata.agency === rule.responsible) return notice;
  }
  return undefined;
}

/** Court events the rule makes one obligation of (verdicts on several charges at one hearing) share one notice. */
function foldedTogether(rule: Rule, a: TimedEvent, b: TimedEvent): boolean {
  if (rule.onePer === undefined || rule.onePer === 'victim') return false;
  return dataField(a.event, rule.onePer) === dataField(b.event, rule.onePer);
}
