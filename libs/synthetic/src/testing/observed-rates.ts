import type { CaseEvent, CourtTier } from '@case-journey/domain';
import { enhancedRightsOf, obligations } from '@case-journey/victims-code';
import { DAY_MS } from '../distributions';
import type { GeneratedCase } from '../journey/case-journey';
import type { CodeAgency, GeneratorProfile, TrialOutcome } from '../profile';
import { COURT_RESULT_WORKING_DAYS, type CodeCalendar } from '../victims-code-terms';
import { storedEvents } from './generate';

/** A rate measured on generated cases beside the rate the profile configured for it. */
export interface Measured {
  label: string;
  hits: number;
  n: number;
  expected: number;
}

export const observed = (measured: Measured): number => measured.hits / measured.n;

/** What a board reading the case would see: each event once, corrections and retractions applied by the reader. */
const eventsOf = (cases: readonly GeneratedCase[]) => cases.map((generated) => ({ generated, events: storedEvents(generated) }));

class Tally {
  private readonly cells = new Map<string, Measured>();

  add(label: string, hit: boolean, expected: number): void {
    const cell = this.cells.get(label) ?? { label, hits: 0, n: 0, expected: 0 };
    cell.hits += hit ? 1 : 0;
    cell.n += 1;
    cell.expected += expected;
    this.cells.set(label, cell);
  }

  /** Cells whose expectation is the mean of each observation's own (an area's rate, say). */
  results(): Measured[] {
    return [...this.cells.values()].map((cell) => ({ ...cell, expected: cell.expected / cell.n })).sort((a, b) => a.label.localeCompare(b.label));
  }
}

/**
 * Met on time against all that fell due, per area and responsible agency, as the Victims' Code
 * compliance engine judges them. Only obligations due well before the clock count, so that late
 * contacts not yet delivered do not pass for breaches.
 */
export function onTimeByAreaAndAgency(cases: readonly GeneratedCase[], profile: GeneratorProfile, nowMs: number): Measured[] {
  const tally = new Tally();
  const dueBy = nowMs - 60 * DAY_MS;
  for (const { generated, events } of eventsOf(cases)) {
    const area = profile.areas.find((candidate) => candidate.name === generated.area);
    if (!area) continue;
    for (const obligation of obligations(events, new Date(nowMs))) {
      if (obligation.kind !== 'deadline' || !['met', 'met-late', 'breached'].includes(obligation.status)) continue;
      if (Date.parse(obligation.dueAt as string) > dueBy) continue;
      const agency = obligation.responsible as CodeAgency;
      tally.add(`${area.name} ${agency}`, obligation.status === 'met', area.codePerformance[agency].onTime);
    }
  }
  return tally.results();
}

/** The court's results reaching the WCU within its 5 working days of the decision, per area. */
export function courtResultsOnTime(cases: readonly GeneratedCase[], profile: GeneratorProfile, nowMs: number, calendar: CodeCalendar): Measured[] {
  const tally = new Tally();
  for (const { generated, events } of eventsOf(cases)) {
    const area = profile.areas.find((candidate) => candidate.name === generated.area);
    const byId = new Map(events.map((event) => [event.metadata.eventId, event]));
    for (const notice of events) {
      if (notice.type !== 'CourtNoticeReceived' || notice.data.notice === 'hearing-listing' || !area) continue;
      const decision = byId.get(notice.metadata.causationId as string);
      const decidedMs = Date.parse(decision?.metadata.occurredAt ?? '');
      if (!(decidedMs <= nowMs - 120 * DAY_MS)) continue;
      const deadline = calendar.deadlineMs(decidedMs, COURT_RESULT_WORKING_DAYS);
      tally.add(`${area.name} HMCTS`, Date.parse(notice.metadata.occurredAt) <= deadline, area.codePerformance.HMCTS.onTime);
    }
  }
  return tally.results();
}

/** Each trial listing's result on the day (vacated ones left out), per court tier. */
export function trialOutcomes(cases: readonly GeneratedCase[], profile: GeneratorProfile): Measured[] {
  const tally = new Tally();
  for (const { events } of eventsOf(cases)) {
    const trials = new Map<string, CourtTier>();
    for (const event of events) {
      if (event.type === 'HearingListed' && event.data.hearingType === 'trial') trials.set(event.data.hearingId, event.data.courtTier);
      if (event.type !== 'HearingHeld' || event.data.result === 'vacated') continue;
      const tier = trials.get(event.data.hearingId);
      if (!tier) continue;
      const shares = profile.prosecution.trialOutcomes[tier];
      const total = Object.values(shares).reduce((sum, share) => sum + (share ?? 0), 0);
      for (const outcome of ['effective', 'cracked', 'ineffective'] as TrialOutcome[]) {
        tally.add(`${tier} trials ${outcome}`, event.data.result === outcome, (shares[outcome] ?? 0) / total);
      }
    }
  }
  return tally.results();
}

/** Victims of cases reported by `reportedBy` who are entitled to enhanced rights, on any ground, as the engine reads them at `nowMs`. */
export function enhancedShare(cases: readonly GeneratedCase[], reportedBy: number, nowMs: number, expected: number): Measured {
  const tally = new Tally();
  for (const { events } of eventsOf(cases)) {
    const report = events.find((event) => event.type === 'CrimeReported');
    if (report?.type !== 'CrimeReported' || Date.parse(report.metadata.occurredAt) > reportedBy) continue;
    for (const victim of enhancedRightsOf(events, new Date(nowMs))) tally.add('victims with enhanced rights', victim.enhanced, expected);
  }
  return tally.results()[0];
}

/**
 * How cases reported by `reportedBy` left the police: charged, out of court, or closed; and of the
 * closed ones, those closed because the victim withdrew support.
 */
export function chargingOutcomes(
  cases: readonly GeneratedCase[],
  reportedBy: number,
  expected: { charged: number; outOfCourt: number; victimWithdrew: number; fileReturned: number },
): Measured[] {
  const tally = new Tally();
  for (const { events } of eventsOf(cases)) {
    const report = events[0];
    if (report?.type !== 'CrimeReported' || Date.parse(report.metadata.occurredAt) > reportedBy) continue;
    const decision = events.find((event): event is Extract<CaseEvent, { type: 'ChargeDecisionMade' }> => event.type === 'ChargeDecisionMade');
    const screenedOut = events.some((event) => event.type === 'InvestigationNotPursued');
    for (const event of events) {
      if (event.type === 'FileReviewed') tally.add('files returned by the CPS', event.data.outcome === 'returned', expected.fileReturned);
    }
    if (!decision && !screenedOut) continue;
    tally.add('cases charged', decision?.data.decision === 'charge', expected.charged);
    tally.add('cases given an out-of-court disposal', decision?.data.decision === 'out-of-court-disposal', expected.outOfCourt);
    if (screenedOut || decision?.data.decision === 'no-further-action') {
      const withdrew = events.some((event) => event.type === 'VictimWithdrewSupport' && event.data.stage === 'investigation');
      tally.add('closures where the victim withdrew support', withdrew, expected.victimWithdrew);
    }
  }
  return tally.results();
}
