import type { Agency, EnhancedGround } from '@case-journey/domain';
import { parseInstant } from '../calendar/iso-instants';
import type { EnhancedEligibility } from '../rulebook/rulebook';
import { eventsOfType, type CaseRecord, type VictimRecord } from './case-record';

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
    const grounds = [...caseWide, ...registrationFindings(victim, bereaved), ...(recognised.get(victim.victimId) ?? [])]
      .filter((finding) => honoured.has(finding.ground))
      .sort((a, b) => a.effectiveAt - b.effectiveAt);
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
