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
 * Written as plain loops over indexes: it runs for every rule, victim and case a catch-up judges.
 */
export function matchTouchpoints(rule: Rule, triggers: readonly ObligationTrigger[], touchpoints: readonly TimedEvent[]): Array<TimedEvent | null> {
  const matched = new Array<TimedEvent | null>(triggers.length).fill(null);
  if (touchpoints.length === 0) return matched;
  const used = new Array<boolean>(touchpoints.length).fill(false);
  const take = (i: number, t: number) => {
    matched[i] = touchpoints[t];
    used[t] = true;
  };

  for (let t = 0; t < touchpoints.length; t++) {
    const regarding = dataField(touchpoints[t].event, 'regardingEventId');
    const i = typeof regarding === 'string' ? lastCiting(triggers, regarding) : -1;
    if (i >= 0 && matched[i] === null) take(i, t);
  }

  const { linkBy } = rule;
  const triggerLinks = linkBy === undefined ? undefined : triggers.map(({ timed }) => dataField(timed.event, linkBy));
  const touchpointLinks = linkBy === undefined ? undefined : touchpoints.map(({ event }) => dataField(event, linkBy));
  if (triggerLinks && touchpointLinks) {
    for (let t = 0; t < touchpoints.length; t++) {
      const value = touchpointLinks[t];
      if (used[t] || value === undefined) continue;
      for (let i = 0; i < triggers.length; i++) {
        if (matched[i] === null && triggerLinks[i] === value && triggers[i].timed.at <= touchpoints[t].at) {
          take(i, t);
          break;
        }
      }
    }
  }

  for (let i = 0; i < triggers.length; i++) {
    if (matched[i] !== null) continue;
    const own = triggerLinks?.[i];
    for (let t = 0; t < touchpoints.length; t++) {
      if (used[t] || touchpoints[t].at < triggers[i].timed.at) continue;
      const value = touchpointLinks?.[t];
      if (own === undefined || value === undefined || own === value) {
        take(i, t);
        break;
      }
    }
  }
  return matched;
}

/** The last of the triggers a touchpoint may cite as `id`, or -1: the later trigger wins an id two give. */
function lastCiting(triggers: readonly ObligationTrigger[], id: string): number {
  for (let i = triggers.length - 1; i >= 0; i--) if (triggers[i].citedAs.includes(id)) return i;
  return -1;
}
