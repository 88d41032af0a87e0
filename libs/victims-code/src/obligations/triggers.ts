import type { CaseEvent, OffenceCategory } from '@case-journey/domain';
import type { Rule } from '../rulebook/rulebook';
import { byTime, eventsOfType, inOrder, offenceCategoriesAt, type CaseRecord, type TimedEvent } from './case-record';
import { clockStartOf, type ClockStart } from './clock-start';
import { conditionsHold, dataField } from './trigger-conditions';

/** One trigger of a rule for one victim: what happened, when the clock started, and how a contact may cite it. */
export interface ObligationTrigger {
  victimId: string;
  timed: TimedEvent;
  clock: ClockStart;
  /** Ids a touchpoint may give as regardingEventId: the trigger, its court notice, triggers folded into it. */
  citedAs: string[];
}

/**
 * The rule's triggers per victim, in time order. Several triggers of one kind make one
 * obligation each, unless the rule asks for one per victim or per value of a field.
 */
export function triggersOf(rule: Rule, record: CaseRecord, inForce: (clockAt: number) => boolean): ObligationTrigger[] {
  const expanded: ObligationTrigger[] = [];
  for (const trigger of rule.triggers) {
    for (const timed of eventsOfType(record, trigger.event)) {
      let categories: ReadonlySet<OffenceCategory> | undefined;
      const categoriesNow = () => (categories ??= offenceCategoriesAt(record, timed.at));
      if (!conditionsHold(trigger.when, timed.event, categoriesNow)) continue;
      const clock = clockStartOf(rule, timed, record);
      if (!inForce(clock.at)) continue;
      const citedAs = clock.eventId === timed.event.metadata.eventId ? [clock.eventId] : [timed.event.metadata.eventId, clock.eventId];
      for (const victimId of victimsConcerned(timed.event, record, clock.at)) expanded.push({ victimId, timed, clock, citedAs });
    }
  }
  inOrder(expanded, (a, b) => byTime(a.timed, b.timed));
  return rule.onePer === undefined ? expanded : firstPer(rule.onePer, expanded);
}

function firstPer(onePer: string, triggers: ObligationTrigger[]): ObligationTrigger[] {
  const kept = new Map<string, ObligationTrigger>();
  const result: ObligationTrigger[] = [];
  for (const trigger of triggers) {
    const value = onePer === 'victim' ? '' : dataField(trigger.timed.event, onePer);
    if (value === undefined) {
      result.push(trigger);
      continue;
    }
    const key = onePer === 'victim' ? trigger.victimId : `${trigger.victimId}\u0000${String(value)}`;
    const first = kept.get(key);
    if (first) {
      // A new list: the one it had is shared with the other victims' triggers of the same event.
      first.citedAs = first.citedAs.concat(trigger.citedAs);
      continue;
    }
    const own = { ...trigger };
    kept.set(key, own);
    result.push(own);
  }
  return result;
}

/**
 * The registered victims an event concerns: those it names, else every victim registered by the
 * time the clock started. Code obligations are owed to registered victims only.
 */
function victimsConcerned(event: CaseEvent, record: CaseRecord, clockAt: number): string[] {
  if (event.type === 'CrimeReported') return event.data.victims.map((victim) => victim.victimId);
  if (event.type === 'VictimRegistered') return [event.data.victim.victimId];
  const named = dataField(event, 'victimId');
  if (typeof named === 'string') return record.victims.has(named) ? [named] : [];
  const victims: string[] = [];
  for (const victim of record.victims.values()) if (victim.registeredAt <= clockAt) victims.push(victim.victimId);
  return victims;
}
