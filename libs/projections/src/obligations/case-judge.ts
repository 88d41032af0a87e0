import { caseStateAfter, caseStateFrom, type CaseEvent, type CaseState } from '@case-journey/domain';
import { parseInstant, type WorkingDayCalendar } from '@case-journey/victims-code';
import { BatchWrites } from '../runner/batch-writes';
import type { CaseHistories } from '../runner/case-histories';
import type { ProjectionKeys } from '../runner/projection-keys';
import { caseObligationsFrom, recordedAsOf, type CaseObligations } from './case-obligations';
import { writeCaseChanges, type CountChanges } from './case-changes';
import { ComplianceCounts } from './compliance-cells';
import { addDeadlineChanges, deadlineChanges, type DeadlineChanges } from './deadlines';
import type { FoldedCases } from './folded-cases';
import { parseReading } from './stored-reading';

/** One case of a batch, as the projection hands it to be read. */
export interface CaseToRead {
  caseId: string;
  /** How many of the case's events come before the batch's: its first revision in the batch. */
  eventsBefore: number;
  /** The case's events in the batch, in stream order. */
  events: CaseEvent[];
}

/** One case of a batch, as the projection hands it to be judged. */
export interface CaseToJudge extends CaseToRead {
  /** The case's reading as stored before the batch, and its finder entry (`parseReading`'s arguments). */
  stored: string | null;
  finderEntry: string | null;
}

/** Events of a case that must be read from the store before the case can be judged: revisions `from` up to, not including, `to`. */
export interface EventsLacking {
  caseId: string;
  from: number;
  to: number;
}

/** What the store gave of a case's history: its events from revision `from` on. */
export interface EventsRead {
  caseId: string;
  from: number;
  events: readonly CaseEvent[];
}

export interface JudgingContext {
  keys: ProjectionKeys;
  /** The instant the cases are judged at. */
  now: Date;
  /** Whether readers use the version (see `deadlineChanges`). */
  live: boolean;
}

/** What a batch's cases change: their writes but the counters', the counters' changes, and the deadline jobs'. */
export interface Judgement {
  writes: BatchWrites;
  counts: CountChanges;
  deadlines: DeadlineChanges;
}

/** What a case is judged from: its state carried on from its previous batch, or its events before the batch's. */
type Start = { carried: { state: CaseState; recordedThrough: number } } | { before: readonly CaseEvent[] };

/** When the latest of the events was recorded; the server writes `recordedAt` in the canonical form `parseInstant` reads without Date.parse. */
function latestRecordedAt(events: readonly CaseEvent[]): number {
  let latest = -Infinity;
  for (const event of events) latest = Math.max(latest, parseInstant(event.metadata.recordedAt));
  return latest;
}

/**
 * Judges cases of the Victims' Code projection's batches: each case's state carried on from its
 * previous batch (`FoldedCases`) or folded afresh from its history (`CaseHistories`, and what the
 * store must give beyond it), read by the engine as of the batch's instant, and the
 * difference from its stored reading written. It does no I/O, so that one can run in the
 * projection's own thread or one per thread, each owning a share of the cases (`JudgeThreads`).
 */
export class CaseJudge {
  constructor(
    readonly calendar: WorkingDayCalendar,
    readonly histories: CaseHistories,
    readonly folded: FoldedCases,
  ) {}

  /**
   * Judges the cases, or says what the store must give first (nothing judged yet): the events before
   * the batch's of each case whose state cannot be carried on and whose history is not kept beyond
   * what `read` holds. Each case's start is settled before any is judged, since judging one case
   * may let another's kept state or history go.
   */
  judge(cases: readonly CaseToJudge[], read: ReadonlyMap<string, EventsRead>, context: JudgingContext): (Judgement & { counts: ComplianceCounts }) | { lacking: EventsLacking[] } {
    const found = this.read(cases, read, context.now);
    return 'lacking' in found ? found : this.changes(cases, found.readings, context);
  }

  /**
   * Each case's reading as of `now` (what the engine gives: nothing of the stored read model is
   * needed), or what the store must give first (nothing read yet).
   */
  read(cases: readonly CaseToRead[], read: ReadonlyMap<string, EventsRead>, now: Date): { readings: CaseObligations[] } | { lacking: EventsLacking[] } {
    const asOf = now.getTime();
    const lacking: EventsLacking[] = [];
    const starts: Start[] = [];
    for (const judged of cases) {
      const start = this.startOf(judged, asOf, read);
      if ('lacking' in start) lacking.push(start.lacking);
      else starts.push(start);
    }
    if (lacking.length > 0) return { lacking };
    return { readings: cases.map(({ caseId, events }, i) => this.readingOf(caseId, starts[i], events, now)) };
  }

  /** What takes each case from its stored reading to the one read (`readings`, in the cases' order). */
  changes(cases: readonly CaseToJudge[], readings: readonly CaseObligations[], { keys, live }: JudgingContext): Judgement & { counts: ComplianceCounts } {
    const writes = new BatchWrites();
    const counts = new ComplianceCounts();
    const deadlines: DeadlineChanges = { schedule: [], reschedule: [], cancel: [] };
    cases.forEach(({ stored, finderEntry }, i) => {
      const before = parseReading(stored, finderEntry);
      writeCaseChanges(writes, keys, before, readings[i], counts);
      addDeadlineChanges(deadlines, deadlineChanges(before, readings[i], this.calendar, { live }));
    });
    return { writes, counts, deadlines };
  }

  /** What the case is judged from: its state kept from its previous batch, or its events before the batch's; or what the store must give. */
  private startOf({ caseId, eventsBefore, events }: CaseToRead, asOf: number, read: ReadonlyMap<string, EventsRead>): Start | { lacking: EventsLacking } {
    const carried = this.carriedOn(caseId, eventsBefore, events, asOf);
    if (carried) return { carried };
    if (eventsBefore === 0) return { before: [] };
    const kept = this.histories.kept(caseId);
    if (kept.length >= eventsBefore) return { before: kept.slice(0, eventsBefore) };
    const given = read.get(caseId);
    if (given && given.from <= kept.length && given.from + given.events.length === eventsBefore) return { before: [...kept.slice(0, given.from), ...given.events] };
    return { lacking: { caseId, from: kept.length, to: eventsBefore } };
  }

  /** The state kept from the case's previous batch, if it can be carried on with the new events. */
  private carriedOn(caseId: string, eventsBefore: number, events: readonly CaseEvent[], asOf: number): { state: CaseState; recordedThrough: number } | undefined {
    const kept = this.folded.foldedThrough(caseId, eventsBefore, asOf);
    if (!kept) return undefined;
    const recordedThrough = Math.max(kept.recordedThrough, latestRecordedAt(events));
    return recordedThrough <= asOf ? { state: kept.state, recordedThrough } : undefined;
  }

  /**
   * The case judged as of `now` on its events before the batch and the batch's: the state kept from
   * the case's previous batch carried on with the new events when it can be (every event folded
   * recorded by `now`), and folded afresh otherwise. Either way what `caseObligationsOf` gives.
   */
  private readingOf(caseId: string, start: Start, events: readonly CaseEvent[], now: Date): CaseObligations {
    if ('carried' in start) {
      const state = caseStateAfter(start.carried.state, events);
      this.histories.keep(caseId, state.ledger);
      this.folded.keep(caseId, state, start.carried.recordedThrough);
      return caseObligationsFrom(caseId, { recorded: state.ledger, state }, now, this.calendar);
    }
    const history = [...start.before, ...events];
    this.histories.keep(caseId, history);
    const recorded = recordedAsOf(history, now);
    const state = caseStateFrom(recorded);
    if (recorded.length === history.length) this.folded.keep(caseId, state, latestRecordedAt(history));
    else this.folded.forget(caseId);
    return caseObligationsFrom(caseId, { recorded, state }, now, this.calendar);
  }
}
