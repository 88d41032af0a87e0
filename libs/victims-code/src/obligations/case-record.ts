import { effectiveEvents, type Agency, type CaseEvent, type CaseEventType, type OffenceCategory, type OptOutScope, type VictimRegistration } from '@case-journey/domain';
import { parseInstant } from '../calendar/iso-instants';

/** An event with its occurredAt parsed once, and its place in the stream to break ties. */
export interface TimedEvent {
  event: CaseEvent;
  at: number;
  order: number;
}

export interface VictimRecord {
  victimId: string;
  /** When the victim was first registered on the case. */
  registeredAt: number;
  /** The latest registration's details. */
  registration: VictimRegistration;
  /** Every registration of the victim, for the grounds recorded with them. */
  registrations: Array<{ timed: TimedEvent; registration: VictimRegistration }>;
  optOutChanges: OptOutChange[];
}

export interface OptOutChange {
  at: number;
  scope: OptOutScope;
  optedOut: boolean;
}

/** One case's events, indexed once for every rule to read. */
export interface CaseRecord {
  byType: ReadonlyMap<CaseEventType, TimedEvent[]>;
  /** Registered victims in order of registration. */
  victims: ReadonlyMap<string, VictimRecord>;
  /** Offence categories from the report and from each charge, with when they became part of the case. */
  offenceCategories: Array<{ category: OffenceCategory; at: number; agency: Agency }>;
}

const NONE: TimedEvent[] = [];

export function eventsOfType(record: CaseRecord, type: CaseEventType): TimedEvent[] {
  return record.byType.get(type) ?? NONE;
}

/** The case as a board would have seen it at `asOf`: events recorded by then, corrections and retractions applied. */
export function caseAsOf(events: readonly CaseEvent[], asOfMs: number): CaseRecord {
  return readCase(effectiveEvents(events.filter((event) => parseInstant(event.metadata.recordedAt) <= asOfMs)));
}

/** Reads the effective events of one case (corrections applied) into a CaseRecord. */
export function readCase(events: readonly CaseEvent[]): CaseRecord {
  const byType = new Map<CaseEventType, TimedEvent[]>();
  events.forEach((event, order) => {
    const timed = { event, at: parseInstant(event.metadata.occurredAt), order };
    const list = byType.get(event.type);
    if (list) list.push(timed);
    else byType.set(event.type, [timed]);
  });
  for (const list of byType.values()) inOrder(list, byTime);
  const record: CaseRecord = { byType, victims: new Map(), offenceCategories: [] };
  readVictims(record);
  readOffenceCategories(record);
  return record;
}

export function byTime(a: TimedEvent, b: TimedEvent): number {
  return a.at - b.at || a.order - b.order;
}

/**
 * Sorts `list` in place as `list.sort(compare)` does (stably), but only when it is out of order:
 * V8's sort copies every list into a work array first, even one of a single item, and most of a
 * case's lists (its events of a type, a victim's registrations) come in order already.
 */
export function inOrder<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return list.sort(compare);
  return list;
}

function readVictims(record: CaseRecord): void {
  const registrations: Array<{ timed: TimedEvent; victim: VictimRegistration }> = [];
  for (const timed of eventsOfType(record, 'CrimeReported')) {
    if (timed.event.type !== 'CrimeReported') continue;
    for (const victim of timed.event.data.victims) registrations.push({ timed, victim });
  }
  for (const timed of eventsOfType(record, 'VictimRegistered')) {
    if (timed.event.type === 'VictimRegistered') registrations.push({ timed, victim: timed.event.data.victim });
  }
  inOrder(registrations, (a, b) => byTime(a.timed, b.timed));

  const victims = record.victims as Map<string, VictimRecord>;
  for (const { timed, victim } of registrations) {
    const known = victims.get(victim.victimId);
    const optOuts = victim.optOuts.map((scope) => ({ at: timed.at, scope, optedOut: true }));
    if (known) {
      known.registration = victim;
      known.registrations.push({ timed, registration: victim });
      known.optOutChanges.push(...optOuts);
    } else {
      victims.set(victim.victimId, {
        victimId: victim.victimId,
        registeredAt: timed.at,
        registration: victim,
        registrations: [{ timed, registration: victim }],
        optOutChanges: optOuts,
      });
    }
  }

  const changes = inOrder([...eventsOfType(record, 'VictimOptedOut'), ...eventsOfType(record, 'VictimOptedBackIn')], byTime);
  for (const timed of changes) {
    const { event } = timed;
    if (event.type !== 'VictimOptedOut' && event.type !== 'VictimOptedBackIn') continue;
    victims.get(event.data.victimId)?.optOutChanges.push({ at: timed.at, scope: event.data.scope, optedOut: event.type === 'VictimOptedOut' });
  }
  for (const victim of victims.values()) inOrder(victim.optOutChanges, (a, b) => a.at - b.at);
}

function readOffenceCategories(record: CaseRecord): void {
  for (const timed of eventsOfType(record, 'CrimeReported')) {
    if (timed.event.type === 'CrimeReported') record.offenceCategories.push({ category: timed.event.data.offence.category, at: timed.at, agency: timed.event.metadata.agency });
  }
  const charging = [...eventsOfType(record, 'ChargeDecisionMade'), ...eventsOfType(record, 'ChargesAltered')];
  for (const timed of charging) {
    const { event } = timed;
    if (event.type === 'ChargeDecisionMade' && event.data.decision !== 'charge') continue;
    if (event.type !== 'ChargeDecisionMade' && event.type !== 'ChargesAltered') continue;
    for (const charge of event.data.charges) record.offenceCategories.push({ category: charge.offence.category, at: timed.at, agency: event.metadata.agency });
  }
}

/** The case's offence categories known at an instant. */
export function offenceCategoriesAt(record: CaseRecord, at: number): Set<OffenceCategory> {
  const categories = new Set<OffenceCategory>();
  for (const entry of record.offenceCategories) if (entry.at <= at) categories.add(entry.category);
  return categories;
}
