import type { Obligation, WorkingDayCalendar } from '@case-journey/victims-code';
import { actionableObligations, type CaseObligations } from './case-obligations';

/** A moment at which time alone changes an obligation: it falls due soon, or its deadline passes. */
export interface Deadline {
  /** The obligation id for the breach; `{id}/due-soon` for the warning. Never a ':' (BullMQ job ids). */
  jobId: string;
  kind: 'breach' | 'due-soon';
  caseId: string;
  obligationId: string;
  /** Epoch ms: the first instant the obligation is breached (dueAt + 1 ms), or due soon. */
  at: number;
  /** Epoch ms: when the worker first scheduled this deadline (set by the queue, not by the reading). */
  firstSeenAt?: number;
}

export interface DeadlineChanges {
  /** Deadlines new since the previous reading. */
  schedule: Deadline[];
  /** Deadlines whose instant moved (a correction of when something happened): replace their jobs. */
  reschedule: Deadline[];
  /** Job ids no longer wanted: the obligation was met, excused or is gone, or its warning is past. */
  cancel: string[];
}

const DAY_MS = 86_400_000;
const noonOf = (londonDay: string): number => Date.parse(`${londonDay}T12:00:00.000Z`);

/**
 * When an obligation due at `dueAt` becomes due soon: the Code engine calls it due soon once it
 * is due by the end of the next working day, which first holds at the start of the London day of
 * the last working day before the due day.
 */
export function dueSoonFrom(dueAt: number, calendar: WorkingDayCalendar): number {
  let day = noonOf(calendar.londonDay(new Date(dueAt))) - DAY_MS;
  while (!calendar.isWorkingDay(calendar.londonDay(new Date(day)))) day -= DAY_MS;
  return calendar.addWorkingDays(new Date(day - DAY_MS), 0).getTime() + 1;
}

/** The breach deadline of an obligation due at `dueAt`. */
function breachOf(obligation: Obligation, dueAt: string): Deadline {
  return { jobId: obligation.id, kind: 'breach', caseId: obligation.caseId, obligationId: obligation.id, at: Date.parse(dueAt) + 1 };
}

/** The deadlines still ahead of an obligation as it was read. */
function deadlinesOfObligation(obligation: Obligation, calendar: WorkingDayCalendar): Deadline[] {
  if (obligation.kind !== 'deadline' || obligation.dueAt === null) return [];
  if (obligation.status !== 'pending' && obligation.status !== 'due-soon') return [];
  const breach = breachOf(obligation, obligation.dueAt);
  if (obligation.status === 'due-soon') return [breach];
  return [breach, { ...breach, jobId: `${obligation.id}/due-soon`, kind: 'due-soon', at: dueSoonFrom(breach.at - 1, calendar) }];
}

export function deadlinesOf(doc: CaseObligations | null, calendar: WorkingDayCalendar): Map<string, Deadline> {
  const deadlines = new Map<string, Deadline>();
  for (const obligation of doc ? actionableObligations(doc) : []) {
    for (const deadline of deadlinesOfObligation(obligation, calendar)) deadlines.set(deadline.jobId, deadline);
  }
  return deadlines;
}

/** Breach jobs due now for obligations read as breached that the previous reading did not call breached. */
function breachesFirstRead(before: CaseObligations | null, after: CaseObligations): Deadline[] {
  const breachedBefore = new Set(before?.obligations.filter((obligation) => obligation.status === 'breached').map((obligation) => obligation.id));
  return actionableObligations(after).flatMap((obligation) =>
    obligation.status === 'breached' && obligation.dueAt !== null && !breachedBefore.has(obligation.id) ? [breachOf(obligation, obligation.dueAt)] : [],
  );
}

/**
 * The jobs to (re)schedule and cancel between two readings of a case. A breach job is kept, not
 * cancelled, when the obligation is now read as breached: it still has to fire to tell someone.
 * When `live` (the version readers use, not a rebuild replaying the past), an obligation breached
 * the first time it is read so (recorded after its deadline passed) gets a breach job due at once:
 * no job was ever scheduled for it. Its notification id keeps anyone from being told twice.
 */
export function deadlineChanges(before: CaseObligations | null, after: CaseObligations, calendar: WorkingDayCalendar, { live = false } = {}): DeadlineChanges {
  const previous = deadlinesOf(before, calendar);
  const next = deadlinesOf(after, calendar);
  const breached = new Set(actionableObligations(after).filter((obligation) => obligation.status === 'breached').map((obligation) => obligation.id));
  return {
    schedule: [...[...next.values()].filter((deadline) => !previous.has(deadline.jobId)), ...(live ? breachesFirstRead(before, after) : [])],
    reschedule: [...next.values()].filter((deadline) => previous.has(deadline.jobId) && previous.get(deadline.jobId)!.at !== deadline.at),
    cancel: [...previous.values()]
      .filter((deadline) => !next.has(deadline.jobId) && !(deadline.kind === 'breach' && breached.has(deadline.obligationId)))
      .map((deadline) => deadline.jobId),
  };
}

/** Adds `from`'s changes to `into`'s: the changes of several cases, or of several judges, as one batch's. */
export function addDeadlineChanges(into: DeadlineChanges, from: DeadlineChanges): void {
  into.schedule.push(...from.schedule);
  into.reschedule.push(...from.reschedule);
  into.cancel.push(...from.cancel);
}
