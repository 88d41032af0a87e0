import type { Redis } from 'ioredis';
import { AGENCIES, caseStreamId, upcast, type CaseEvent } from '@case-journey/domain';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@case-journey/event-store';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { finderEntriesKey } from '../cases/case-finder.indexes';
import { BatchWrites } from '../runner/batch-writes';
import { CaseHistories } from '../runner/case-histories';
import { casesIn } from '../runner/case-streams';
import type { AfterCommit, BatchContext, Projection } from '../runner/projection';
import type { ProjectionKeys } from '../runner/projection-keys';
import { readCheckpoint } from '../runner/projection-progress';
import { caseObligationsOf, type CaseObligations } from './case-obligations';
import { CaseJudge, type CaseToJudge, type CaseToRead, type EventsLacking, type EventsRead } from './case-judge';
import { FoldedCases } from './folded-cases';
import { caseObligationsKey, writeCaseChanges, writeCountChanges } from './case-changes';
import { ComplianceCounts } from './compliance-cells';
import { deadlineChanges, type DeadlineChanges } from './deadlines';
import { JudgeInThread, type Judges } from './judges';
import { JudgeThreads } from './judge-threads';
import { parseReading } from './stored-reading';
import { RIGHTS, worklistIndex } from './worklist';

export const OBLIGATIONS = 'obligations';

const WEEK_MS = 7 * 86_400_000;

/**
 * The Victims' Code projection's batches while it catches up. A batch's counters, worklist and
 * finder sets are merged per key and field before they are sent (`BatchWrites`), so four times
 * the cases a batch moves each counter field once where batches of 500 moved it up to four times:
 * over the bench profile's slice, a third less of Redis's CPU (see the README's Benchmarks).
 * Redis runs each batch's EXEC alone, for about 25 ms of its time at this size.
 */
export const OBLIGATIONS_BATCH_SIZE = 2000;

/** Where deadline jobs are kept (BullMQ in the apps); the projection only says what changed. */
export interface DeadlineScheduler {
  apply(changes: DeadlineChanges, now: Date): Promise<void>;
  /** `apply` again, once the batch is committed: what was done then and is still there need not be done again. */
  applyAgain(changes: DeadlineChanges, now: Date): Promise<void>;
}

export interface ObligationsProjectionOptions {
  store: EventStore;
  calendar?: WorkingDayCalendar;
  deadlines?: DeadlineScheduler;
  /**
   * The most events kept of the cases touched lately, so a batch reads only each case's new events
   * from the store, and folds only those on. Default 200,000, for the events and their folded states each.
   */
  historyEvents?: number;
  /**
   * How many threads judge the batches' cases, each owning a share of them (`JudgeThreads`); 1
   * (the default) judges them in the projection's own thread.
   */
  judges?: number;
}

/** A batch's cases and their readings as of `now`, read before the batch is applied (`prepare`). */
export interface ReadAhead {
  now: Date;
  cases: CaseToRead[];
  readings: CaseObligations[];
}

/** The batch's cases, each with its events in the batch and how many came before them. */
const casesToRead = (batch: readonly RecordedEvent[]): CaseToRead[] =>
  [...casesIn(batch)].map(([caseId, { firstRevision, events }]) => ({ caseId, eventsBefore: Number(firstRevision), events }));

export interface Reevaluation {
  before: CaseObligations | null;
  after: CaseObligations;
}

/**
 * The Victims' Code projection: for each case a batch touches, the engine judges the whole case
 * again (its stream up to the batch's end) as of now, its state folded once for everything read
 * off it and carried on from the case's previous batch, and the case's previous reading is replaced:
 * victim journeys, worklist entries and compliance counts move by exactly the difference. One
 * engine run feeds all three read models, which is why they are one projection.
 */
export class ObligationsProjection implements Projection<ReadAhead | undefined> {
  readonly name = OBLIGATIONS;
  readonly batchSize = OBLIGATIONS_BATCH_SIZE;
  readonly calendar: WorkingDayCalendar;
  /** The cases touched lately, as far as read: a batch reads from the store only the events after those. */
  readonly histories: CaseHistories;
  /** Who judges the batches' cases: this thread, keeping the cases folded beside `histories`, or judge threads each keeping their own. */
  private readonly judges: Judges;

  constructor(private readonly options: ObligationsProjectionOptions) {
    this.calendar = options.calendar ?? new WorkingDayCalendar();
    this.histories = new CaseHistories(options.historyEvents);
    const judges = options.judges ?? 1;
    if (judges > 1 && options.calendar) throw new Error("Judge threads use the default working-day calendar; a calendar of one's own needs judges: 1");
    this.judges = judges > 1 ? JudgeThreads.start(judges, this.histories.maxEvents) : new JudgeInThread(new CaseJudge(this.calendar, this.histories, new FoldedCases(options.historyEvents)));
  }

  /**
   * Reads the batch's cases as of `now` (the engine's work, which needs nothing of the read model),
   * when they are judged in this thread; judge threads read them in `apply`.
   */
  async prepare(batch: readonly RecordedEvent[], now: Date): Promise<ReadAhead | undefined> {
    if (!this.judges.readAhead) return undefined;
    const cases = casesToRead(batch);
    return { now, cases, readings: await this.judges.readAhead(cases, now, (lacking) => this.readLacking(lacking)) };
  }

  async apply(batch: readonly RecordedEvent[], { keys, redis, transaction, watch, now, live }: BatchContext, prepared?: ReadAhead): Promise<AfterCommit | undefined> {
    // Readings made at another instant are not the batch's (statuses depend on it): the cases are read again.
    const readAhead = prepared?.now.getTime() === now.getTime() ? prepared : undefined;
    const cases = readAhead?.cases ?? casesToRead(batch);
    if (cases.length === 0) return undefined;
    const docKeys = cases.map(({ caseId }) => caseObligationsKey(keys, caseId));
    await watch(...docKeys);
    const [stored, finderEntries] = await Promise.all([redis.mget(docKeys), redis.hmget(finderEntriesKey(keys), ...cases.map(({ caseId }) => caseId))]);
    const toJudge = cases.map((read, i): CaseToJudge => ({ ...read, stored: stored[i], finderEntry: finderEntries[i] }));
    const { writes, counts, deadlines } = await this.judges.judge(toJudge, { keys, now, live }, (lacking) => this.readLacking(lacking), readAhead?.readings);
    writeCountChanges(writes, keys, counts);
    writes.sendInto(transaction);
    return this.scheduleAroundCommit(deadlines, now);
  }

  /** Lets the judge threads go, if any. */
  close(): Promise<void> {
    return this.judges.close();
  }

  /** What the judges lack of cases' histories, read from the store. */
  private readLacking(lacking: readonly EventsLacking[]): Promise<EventsRead[]> {
    return Promise.all(
      lacking.map(async ({ caseId, from, to }) => ({
        caseId,
        from,
        events: (await this.options.store.readStream(caseStreamId(caseId), { fromRevision: BigInt(from), maxCount: to - from })).map((event) => upcast(event)),
      })),
    );
  }

  /**
   * Schedules a batch's deadline jobs twice, both idempotent by job id: before the commit, so that
   * a crash between the commit and the scheduling loses no job; and again once the commit is done,
   * because a job due within milliseconds may have fired before the reading it needs was committed,
   * found nothing and been removed. Simpler than re-deriving every job from the readings on start.
   */
  private async scheduleAroundCommit(changes: DeadlineChanges, now: Date): Promise<AfterCommit | undefined> {
    const { deadlines } = this.options;
    if (!deadlines || changes.schedule.length + changes.reschedule.length + changes.cancel.length === 0) return undefined;
    await deadlines.apply(changes, now);
    return () => deadlines.applyAgain(changes, now);
  }

  /**
   * Reads one case again as of `now`, from its events up to the version's checkpoint, and commits
   * the difference (WATCH on the case's reading, so a batch committing the same case meanwhile
   * makes it read again). What a deadline job does when it fires. `redis` must be a connection
   * of the caller's own. Undefined when the version has not seen the case. `live` when readers
   * use the version (see `deadlineChanges`).
   */
  async reevaluate(caseId: string, redis: Redis, keys: ProjectionKeys, now: Date, { live = true } = {}): Promise<Reevaluation | undefined> {
    const docKey = caseObligationsKey(keys, caseId);
    for (;;) {
      await redis.watch(docKey);
      const [stored, finderEntry, through] = await Promise.all([redis.get(docKey), redis.hget(finderEntriesKey(keys), caseId), readCheckpoint(redis, keys)]);
      const events = through === undefined ? [] : await this.eventsThrough(caseId, through);
      if (events.length === 0) {
        await redis.unwatch();
        return undefined;
      }
      const before = parseReading(stored, finderEntry);
      const after = caseObligationsOf(caseId, events, now, this.calendar);
      const writes = new BatchWrites();
      const counts = new ComplianceCounts();
      writeCaseChanges(writes, keys, before, after, counts);
      writeCountChanges(writes, keys, counts);
      const transaction = redis.multi();
      writes.sendInto(transaction);
      if ((await transaction.exec()) === null) continue;
      await this.options.deadlines?.apply(deadlineChanges(before, after, this.calendar, { live }), now);
      return { before, after };
    }
  }

  /**
   * One case judged as of `now` on its whole stream, whether this projection has caught up with it
   * or not: what a deadline's notification is decided on, so that a contact already in the log,
   * not yet projected, is not told as a breach. Undefined when the case has no events.
   */
  async judge(caseId: string, now: Date): Promise<CaseObligations | undefined> {
    const events = await this.eventsThrough(caseId);
    return events.length === 0 ? undefined : caseObligationsOf(caseId, events, now, this.calendar);
  }

  /**
   * Reads again every case with an open obligation due within a week: those whose due-soon or
   * breach instant may have passed since they were read (the deadline jobs that fired meanwhile
   * re-read them in the version readers used, not in this one).
   */
  async catchUpWithTime(redis: Redis, keys: ProjectionKeys, now: Date): Promise<void> {
    const horizon = String(now.getTime() + WEEK_MS);
    const reading = redis.pipeline();
    for (const agency of AGENCIES) {
      for (const status of ['pending', 'due-soon'] as const) {
        for (const rights of RIGHTS) reading.zrange(keys.within(worklistIndex(agency, status, rights)), '-inf', horizon, 'BYSCORE');
      }
    }
    const ids = ((await reading.exec()) ?? []).flatMap(([, members]) => members as string[]);
    const caseIds = new Set(ids.map((id) => decodeURIComponent(id.slice(0, id.indexOf('/')))));
    for (const caseId of caseIds) await this.reevaluate(caseId, redis, keys, now, { live: false });
  }

  /** The case's events up to `position`, or all of them. */
  private async eventsThrough(caseId: string, position?: bigint): Promise<CaseEvent[]> {
    try {
      const recorded = await this.options.store.readStream(caseStreamId(caseId));
      return recorded.filter((event) => position === undefined || event.position <= position).map((event) => upcast(event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
