import { caseStateFrom, effectiveEvents, type CaseEvent, type CaseState, type ClosureReason, type JourneyStage } from '@case-journey/domain';
import { londonDayOf, obligations, type WorkingDayCalendar } from '@case-journey/victims-code';
import type { FactSource } from '../measures/fact-sources';

/**
 * One thing a measure counts, from one case: its source, the London month it counts in, its
 * dimensions, and its outcome. An obligation not met is stored as `open@{due day}` (or `open`
 * without a deadline) and judged breached or pending only when a report is read, at the report's
 * instant: so what the reporting projection stores moves only when a record arrives, never with time.
 */
export interface ReportingFact {
  source: FactSource;
  month: string;
  dimensions: Record<string, string>;
  outcome: string;
  /** Timeliness: the interval's length in the outcome's unit. */
  value?: number;
}

export interface CaseFacts {
  caseId: string;
  area: string;
  facts: ReportingFact[];
}

export const NOT_RECORDED = 'not-recorded';
const DAY_MS = 86_400_000;

/** The London month `YYYY-MM` of an instant. */
export const londonMonthOf = (instant: string): string => londonDayOf(instant).slice(0, 7);

/**
 * What the measures count of one case as known at `asOf`: only events recorded by then, obligations
 * judged by the Code engine at that instant. Undefined for a stream that holds no crime report yet.
 */
export function caseFactsOf(caseId: string, events: readonly CaseEvent[], asOf: Date, calendar: WorkingDayCalendar): CaseFacts | undefined {
  const asOfMs = asOf.getTime();
  const recorded = events.filter((event) => Date.parse(event.metadata.recordedAt) <= asOfMs);
  const state = caseStateFrom(recorded);
  if (!state.exists || state.area === null) return undefined;
  const offence = state.offence?.category ?? 'unknown';
  return {
    caseId,
    area: state.area,
    facts: [
      ...obligationFacts(recorded, state, offence, asOf, calendar),
      ...timelinessFacts(state, offence, calendar),
      ...fileFacts(recorded, offence),
      ...trialFacts(state, offence),
      ...attritionFacts(state, offence),
    ],
  };
}

function victimsOf(state: CaseState): Map<string, { ageBand: string; sex: string; ethnicity: string }> {
  return new Map(state.victims.map((victim) => [victim.victimId, { ageBand: victim.ageBand, sex: victim.sex ?? NOT_RECORDED, ethnicity: victim.ethnicity ?? NOT_RECORDED }]));
}

function obligationFacts(recorded: readonly CaseEvent[], state: CaseState, offence: string, asOf: Date, calendar: WorkingDayCalendar): ReportingFact[] {
  const victims = victimsOf(state);
  return obligations(recorded, asOf, { calendar }).map((obligation) => {
    const victim = victims.get(obligation.victimId) ?? { ageBand: 'unknown', sex: NOT_RECORDED, ethnicity: NOT_RECORDED };
    const settled = obligation.status === 'met' || obligation.status === 'met-late' || obligation.status === 'not-applicable';
    return {
      source: 'obligations',
      month: londonMonthOf(obligation.dueAt ?? obligation.clockStartedAt),
      dimensions: { entitlement: obligation.ruleId, agency: obligation.responsible, rights: obligation.rights, offence, ...victim },
      outcome: settled ? obligation.status : obligation.dueAt ? `open@${londonDayOf(obligation.dueAt)}` : 'open',
    };
  });
}

/** Report (or offence) to charge decision; charge to the first hearing listed; first hearing to completion. */
function timelinessFacts(state: CaseState, offence: string, calendar: WorkingDayCalendar): ReportingFact[] {
  const facts: ReportingFact[] = [];
  const interval = (name: string, from: string | null | undefined, to: string | null | undefined) => {
    if (!from || !to || Date.parse(to) < Date.parse(from)) return;
    const month = londonMonthOf(to);
    const dimensions = { interval: name, offence };
    facts.push({ source: 'timeliness', month, dimensions, outcome: 'days', value: Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS) });
    facts.push({ source: 'timeliness', month, dimensions, outcome: 'working-days', value: calendar.workingDaysBetween(from, to) });
  };
  const decision = state.chargeDecision;
  interval('reported-to-charge-decision', state.reportedAt, decision?.at);
  const firstListing = state.hearings.map((hearing) => hearing.scheduledFor).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  if (decision?.decision === 'charge') {
    interval('charge-to-first-listing', decision.at, firstListing);
    interval('first-listing-to-completion', firstListing, state.sentence?.at ?? state.closure?.at);
  }
  return facts;
}

/** Each submission of a file and how its review went; each missing item named on a return. */
function fileFacts(recorded: readonly CaseEvent[], offence: string): ReportingFact[] {
  const submissions: Array<{ fileId: string; kind: string; at: string; review: { outcome: 'accepted' | 'returned'; missingItems: string[] } | null }> = [];
  for (const event of effectiveEvents(recorded)) {
    if (event.type === 'FileSubmittedToCps') submissions.push({ fileId: event.data.fileId, kind: event.data.kind, at: event.metadata.occurredAt, review: null });
    if (event.type === 'FileReviewed') {
      const submission = submissions.filter((candidate) => candidate.fileId === event.data.fileId && candidate.review === null).pop();
      if (submission) submission.review = { outcome: event.data.outcome, missingItems: event.data.missingItems };
    }
  }
  return submissions.flatMap(({ kind, at, review }) => {
    const month = londonMonthOf(at);
    const outcome = review?.outcome ?? 'awaiting-review';
    const submitted: ReportingFact = { source: 'file-submissions', month, dimensions: { fileKind: kind, offence }, outcome };
    if (review?.outcome !== 'returned') return [submitted];
    const reasons = review.missingItems.length > 0 ? review.missingItems : ['not-stated'];
    return [submitted, ...reasons.map((reason): ReportingFact => ({ source: 'file-returns', month, dimensions: { reason, fileKind: kind }, outcome: 'returned' }))];
  });
}

const TRIAL_OUTCOMES = new Set(['effective', 'cracked', 'ineffective', 'vacated']);

/** Trials with an outcome on the day, in the month they were listed for. */
function trialFacts(state: CaseState, offence: string): ReportingFact[] {
  return state.hearings.flatMap((hearing): ReportingFact[] => {
    if (hearing.hearingType !== 'trial' || !hearing.held || !TRIAL_OUTCOMES.has(hearing.held.result)) return [];
    const reason = hearing.held.result === 'ineffective' ? hearing.held.ineffectiveReason : null;
    return [{
      source: 'trials',
      month: londonMonthOf(hearing.scheduledFor),
      dimensions: { courtTier: hearing.courtTier, party: reason?.group ?? 'none', reasonCode: reason?.code ?? 'none', offence },
      outcome: hearing.held.result,
    }];
  });
}

/** The stage a case ended at, by how it ended. */
const STAGE_CLOSED: Record<ClosureReason, JourneyStage> = {
  'investigation-not-pursued': 'investigation',
  'no-further-action': 'pre-charge',
  'out-of-court-disposal': 'pre-charge',
  discontinued: 'pre-trial',
  'no-evidence-offered': 'pre-trial',
  acquitted: 'trial',
};

/**
 * Each victim of a concluded case (closed, or sentenced), in the month it concluded: withdrew when
 * the case closed without a conviction after they withdrew support, by the stage they withdrew at;
 * otherwise by the stage the case ended at.
 */
function attritionFacts(state: CaseState, offence: string): ReportingFact[] {
  const concluded = state.closure ? { at: state.closure.at, stage: STAGE_CLOSED[state.closure.reason] } : state.sentence ? { at: state.sentence.at, stage: 'post-sentence' } : null;
  if (!concluded) return [];
  const victims = victimsOf(state);
  return state.victims.map((victim) => {
    const withdrew = state.closure !== null && victim.withdrewSupport !== null && Date.parse(victim.withdrewSupport.at) <= Date.parse(state.closure.at);
    return {
      source: 'attrition',
      month: londonMonthOf(concluded.at),
      dimensions: { stage: withdrew ? victim.withdrewSupport!.stage : concluded.stage, offence, ...victims.get(victim.victimId)! },
      outcome: withdrew ? 'victim-withdrew' : 'concluded-otherwise',
    };
  });
}
