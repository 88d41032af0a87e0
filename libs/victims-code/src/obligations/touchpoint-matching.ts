import type { Rule } from '../rulebook/rulebook';
import { eventsOfType, type CaseRecord, type TimedEvent } from './case-record';
import { dataField } from './trigger-conditions';
import type { ObligationTrigger } from './triggers';

/** The touchpoints that could meet the rule, per victim, in time order: right event, topic and agency. */
export function touchpointsByVictim(rule: Rule, record: CaseRecord): Map<string, TimedEvent[]> {
  const { event: type, topic, agencies } = rule.satisfiedBy;
  const result = new Map<string, TimedEvent[]>();
  for (const timed of eventsOfType(record, type)) {
    const { event } = timed;
    if (!agencies.includes(event.metadata.agency)) continue;
    if (topic !== undefined && dataField(event, 'topic') !== topic) continue;
    const victimId = dataField(event, 'victimId');
    if (typeof victimId !== 'string') continue;
    const list = result.get(victimId);
    if (list) list.push(timed);
    else result.set(victimId, [timed]);
  }
  return result;
}

/**
 * Pairs one victim's triggers (time order) with touchpoints, each touchpoint meeting at most one
 * trigger: first those that cite the trigger (regardingEventId), then those carrying the same
 * link field (hearingId, claimId) and made after it, then for each remaining trigger the
 * earliest unused touchpoint made after it whose link field, if both have one, agrees.
 */
export function matchTouchpoints(rule: Rule, triggers: readonly ObligationTrigger[], touchpoints: readonly TimedEvent[]): Array<TimedEvent | null> {
  const matched: Array<TimedEvent | null> = triggers.map(() => null);
  if (touchpoints.length === 0) return matched;
  const used = new Set<TimedEvent>();
  const link = (event: TimedEvent['event']) => (rule.linkBy === undefined ? undefined : dataField(event, rule.linkBy));

  const cited = new Map<string, number>();
  triggers.forEach((trigger, i) => trigger.citedAs.forEach((id) => cited.set(id, i)));
  for (const touchpoint of touchpoints) {
    const regarding = dataField(touchpoint.event, 'regardingEventId');
    const i = typeof regarding === 'string' ? cited.get(regarding) : undefined;
    if (i !== undefined && matched[i] === null) {
      matched[i] = touchpoint;
      used.add(touchpoint);
    }
  }

  if (rule.linkBy !== undefined) {
    for (const touchpoint of touchpoints) {
      const value = link(touchpoint.event);
      if (used.has(touchpoint) || value === undefined) continue;
      const i = triggers.findIndex((t, j) => matched[j] === null && link(t.timed.event) === value && t.timed.at <= touchpoint.at);
      if (i >= 0) {
        matched[i] = touchpoint;
        used.add(touchpoint);
      }
    }
  }

  triggers.forEach((trigger, i) => {
    if (matched[i] !== null) return;
    const own = link(trigger.timed.event);
    const touchpoint = touchpoints.find((t) => {
      if (used.has(t) || t.at < trigger.timed.at) return false;
      const value = link(t.event);
      return own === undefined || value === undefined || own === value;
    });
    if (touchpoint) {
      matched[i] = touchpoint;
      used.add(touchpoint);
    }
  });
  return matched;
}
