import type { CaseState } from '@case-journey/domain';
import type { Obligation } from '@case-journey/victims-code';

/** The shared handoff-timeliness measures boards compare across agencies. */
export const TIMELINESS_MEASURES = [
  'reported-to-charge-decision',
  'file-to-cps-decision',
  'charge-to-first-hearing',
  'first-hearing-to-completion',
  'court-to-wcu-receipt',
] as const;
export type TimelinessMeasure = (typeof TIMELINESS_MEASURES)[number];

/** One interval of one case: whole calendar days, or working days for the court-to-WCU handoff. */
export interface TimelinessSample {
  measure: TimelinessMeasure;
  value: number;
  unit: 'days' | 'working-days';
  /** When the interval ended: the month it is counted in. */
  at: string;
}

const DAY_MS = 86_400_000;

/** The case's samples of each timeliness measure, from its state and its obligations' clocks. */
export function timelinessOf(state: CaseState, owed: readonly Obligation[]): TimelinessSample[] {
  const samples: TimelinessSample[] = [];
  const days = (measure: TimelinessMeasure, from: string | null | undefined, to: string | null | undefined) => {
    if (!from || !to) return;
    const span = Date.parse(to) - Date.parse(from);
    if (span >= 0) samples.push({ measure, value: Math.floor(span / DAY_MS), unit: 'days', at: to });
  };

  const decision = state.chargeDecision;
  days('reported-to-charge-decision', state.reportedAt, decision?.at);
  if (decision?.decidedBy === 'CPS') {
    const submissions = state.files.map((file) => file.submittedAt).filter((at) => Date.parse(at) <= Date.parse(decision.at));
    days('file-to-cps-decision', latest(submissions), decision.at);
  }
  const firstHearing = earliest(state.hearings.map((hearing) => hearing.scheduledFor));
  if (decision?.decision === 'charge') days('charge-to-first-hearing', decision.at, firstHearing);
  days('first-hearing-to-completion', firstHearing, state.sentence?.at ?? (decision?.decision === 'charge' ? state.closure?.at : null));

  const courtNotices = new Set<string>();
  for (const obligation of owed) {
    if (obligation.responsible !== 'WCU' || obligation.clockSource !== 'court-notice' || obligation.handoffWorkingDays === null) continue;
    if (courtNotices.has(obligation.clockEventId)) continue;
    courtNotices.add(obligation.clockEventId);
    samples.push({ measure: 'court-to-wcu-receipt', value: obligation.handoffWorkingDays, unit: 'working-days', at: obligation.clockStartedAt });
  }
  return samples;
}

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
const earliest = (instants: string[]): string | undefined => [...instants].sort(byTime)[0];
const latest = (instants: string[]): string | undefined => [...instants].sort(byTime).pop();
