import type { ClosureReason, CaseState } from './case-state';

/** The instant a case must have closed before for its victims' personal data to be erased: `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** Where one case stands for the retention of one of its victims' data. */
export interface VictimRetention {
  victimId: string;
  caseId: string;
  /** The case's unique reference number, by which the agencies know it; null until one is recorded. */
  urn: string | null;
  /** When and why the case closed; null while it is open. */
  closure: { reason: ClosureReason; at: string } | null;
  /** The case closed before the cutoff. */
  past: boolean;
}

/**
 * The victims of a case whose personal data is still held, each with whether this case is past its
 * retention. Only closure counts: a case that ends in a sentence stays open to the Victim Contact
 * Scheme, and is never past retention by this rule.
 */
export function victimRetentionOf(state: CaseState, cutoff: Date): VictimRetention[] {
  const past = state.closure !== null && Date.parse(state.closure.at) < cutoff.getTime();
  return state.victims
    .filter((victim) => victim.erasure === null)
    .map((victim) => ({ victimId: victim.victimId, caseId: state.caseId ?? '', urn: state.urn, closure: state.closure, past }));
}

/** A victim the retention period says to erase: every case that registers them closed before the cutoff. */
export interface RetentionCandidate {
  victimId: string;
  cases: Array<{ caseId: string; urn: string | null; closure: { reason: ClosureReason; at: string } }>;
}

/**
 * The victims to erase, from their standing in every case of the log: a victim registered in several
 * cases (an agency's own person id) is listed only when all of them are past retention, since
 * erasing destroys the one key that seals their details in every case.
 */
export function retentionCandidates(standings: Iterable<VictimRetention>): RetentionCandidate[] {
  const byVictim = new Map<string, VictimRetention[]>();
  for (const standing of standings) byVictim.set(standing.victimId, [...(byVictim.get(standing.victimId) ?? []), standing]);
  const candidates: RetentionCandidate[] = [];
  for (const [victimId, cases] of byVictim) {
    if (!cases.every((standing) => standing.past)) continue;
    candidates.push({ victimId, cases: cases.map(({ caseId, urn, closure }) => ({ caseId, urn, closure: closure! })) });
  }
  return candidates.sort((a, b) => a.victimId.localeCompare(b.victimId));
}
