import type { Agency, CaseEvent, EnhancedGround } from '@case-journey/domain';
import { formatInstant, parseInstant } from '../calendar/iso-instants';
import { instantMs } from '../calendar/london-day';
import type { EnhancedEligibility, Rulebook } from '../rulebook/rulebook';
import { VICTIMS_CODE_2020 } from '../rulebook/victims-code-2020';
import { caseAsOf, eventsOfType, inOrder, type CaseRecord, type VictimRecord } from './case-record';

/** A victim's enhanced rights as of an instant, for worklists: JSON, instants as ISO strings. */
export interface VictimEnhancedRights {
  victimId: string;
  enhanced: boolean;
  /** When the victim first qualified, or null. */
  since: string | null;
  grounds: Array<{ ground: EnhancedGround; decidedBy: Agency; effectiveAt: string }>;
}

/** Each registered victim's enhanced rights as a board would have seen them at `asOf`. */
export function enhancedRightsOf(
  events: readonly CaseEvent[],
  asOf: Date | string,
  options: { rulebook?: Rulebook } = {},
): VictimEnhancedRights[] {
  const asOfMs = instantMs(asOf);
  return enhancedRightsOfRecord(caseAsOf(events, asOfMs), asOfMs, options.rulebook);
}

/** The same from a reading of the case already made (`caseAsOf`). */
export function enhancedRightsOfRecord(record: CaseRecord, asOfMs: number, rulebook: Rulebook = VICTIMS_CODE_2020): VictimEnhancedRights[] {
  const statuses = enhancedStatusOfVictims(record, rulebook.enhanced);
  return [...statuses].map(([victimId, status]) => ({
    victimId,
    enhanced: status.since !== null && status.since <= asOfMs,
    since: status.since === null ? null : formatInstant(status.since),
    grounds: status.grounds.map((g) => ({ ground: g.ground, decidedBy: g.decidedBy, effectiveAt: formatInstant(g.effectiveAt) })),
  }));
}

export interface EnhancedGroundFinding {
  ground: EnhancedGround;
  decidedBy: Agency;
  effectiveAt: number;
}

export interface EnhancedStatus {
  /** When the victim first qualified (any agency's finding counts for all), or null. */
  since: number | null;
  grounds: EnhancedGroundFinding[];
}

/**
 * Each victim's enhanced-rights findings: grounds recorded at registration or recognised later,
 * under 18 at the offence, a bereaved family, and the most serious crime categories of the
 * case (reported or charged), each from the instant it took effect.
 */
export function enhancedStatusOfVictims(record: CaseRecord, eligibility: EnhancedEligibility): Map<string, EnhancedStatus> {
  const honoured = new Set(eligibility.grounds.map((g) => g.ground));
  const mostSerious = new Set(eligibility.mostSeriousCategories);
  const bereaved = new Set(eligibility.bereavedKinds);
  const caseWide: EnhancedGroundFinding[] = record.offenceCategories
    .filter((entry) => mostSerious.has(entry.category))
    .map((entry) => ({ ground: 'most-serious-crime', decidedBy: entry.agency, effectiveAt: entry.at }));

  const recognised = new Map<string, EnhancedGroundFinding[]>();
  for (const { event, at } of eventsOfType(record, 'EnhancedRightsRecognised')) {
    if (event.type !== 'EnhancedRightsRecognised') continue;
    const list = recognised.get(event.data.victimId) ?? [];
    for (const g of event.data.grounds) list.push({ ground: g.ground, decidedBy: g.decidedBy, effectiveAt: instantOr(g.decidedAt, at) });
    recognised.set(event.data.victimId, list);
  }

  const result = new Map<string, EnhancedStatus>();
  for (const victim of record.victims.values()) {
    const grounds = inOrder(
      [...caseWide, ...registrationFindings(victim, bereaved), ...(recognised.get(victim.victimId) ?? [])].filter((finding) => honoured.has(finding.ground)),
      (a, b) => a.effectiveAt - b.effectiveAt,
    );
    result.set(victim.victimId, { since: grounds.length > 0 ? grounds[0].effectiveAt : null, grounds });
  }
  return result;
}

function registrationFindings(victim: VictimRecord, bereavedKinds: ReadonlySet<string>): EnhancedGroundFinding[] {
  const findings: EnhancedGroundFinding[] = [];
  for (const { timed, registration } of victim.registrations) {
    const decidedBy = timed.event.metadata.agency;
    for (const g of registration.enhancedGrounds) findings.push({ ground: g.ground, decidedBy: g.decidedBy, effectiveAt: instantOr(g.decidedAt, timed.at) });
    if (registration.under18AtOffence) findings.push({ ground: 'vulnerable-under-18', decidedBy, effectiveAt: timed.at });
    if (bereavedKinds.has(registration.kind)) findings.push({ ground: 'bereaved-close-relative', decidedBy, effectiveAt: timed.at });
  }
  return findings;
}

function instantOr(iso: string, fallback: number): number {
  const ms = parseInstant(iso);
  return Number.isNaN(ms) ? fallback : ms;
}
