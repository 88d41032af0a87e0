import type { CaseEvent } from '@case-journey/domain';
import type { EventStore, RecordedEvent } from '@case-journey/event-store';
import { caseFactsOf, factCells, parseCounterSuffix, snapshotInstant, splitFactCell, type FactCells } from '@case-journey/reporting';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import type { ChainableCommander } from 'ioredis';
import { BatchWrites } from '../runner/batch-writes';
import { CaseHistories } from '../runner/case-histories';
import { caseEventsBefore, casesIn } from '../runner/case-streams';
import type { BatchContext, Projection } from '../runner/projection';
import type { ProjectionKeys } from '../runner/projection-keys';
import { cellChanges, writeCountChanges } from '../obligations/case-changes';
import { countChanges } from '../obligations/compliance-cells';

export const REPORTING = 'reporting';

export interface ReportingProjectionOptions {
  store: EventStore;
  calendar?: WorkingDayCalendar;
  /** Working days after a month closes at which its figures are frozen: records stored later are late for it. */
  snapshotWorkingDays: number;
  /** The events kept of the cases touched lately; best shared with the obligations projection, which reads the same cases. Default: its own. */
  histories?: CaseHistories;
}

/** One case's counts as last read: what the next reading replaces. */
export const reportingCaseKey = (keys: ProjectionKeys, caseId: string): string => keys.key('case', caseId);
/** The cases with a count of a source in an area and London month: where the cases behind a figure are looked for. */
export const reportingCasesKey = (keys: ProjectionKeys, source: string, area: string, month: string): string => keys.key('cases', source, area, month);
/** The records stored after a month was frozen that changed its figures, by event id, per area. */
export const lateRecordsKey = (keys: ProjectionKeys, area: string, month: string): string => keys.key('late', area, month);

/** A record that changed a month's figures after they were frozen. */
export interface LateRecord {
  eventId: string;
  caseId: string;
  type: string;
  agency: string;
  occurredAt: string;
  recordedAt: string;
  /** The month whose figures it changed, and when they were frozen. */
  month: string;
  frozenAt: string;
}

/**
 * The reporting projection: what the board measures count, per case, kept in counter hashes per
 * rollup, area and London month (see `factCells`). A batch reads each case it touches again and
 * moves the counters by exactly the difference. Nothing it stores changes with time alone (open
 * obligations are judged when a report is read), so it needs no deadline jobs. A record stored
 * after a month's snapshot instant that moves that month's counts is listed as late for it.
 */
export class ReportingProjection implements Projection {
  readonly name = REPORTING;
  readonly calendar: WorkingDayCalendar;
  readonly histories: CaseHistories;
  /** Each month's snapshot instant, worked out once. */
  private readonly frozenAt = new Map<string, Date>();

  constructor(private readonly options: ReportingProjectionOptions) {
    this.calendar = options.calendar ?? new WorkingDayCalendar();
    this.histories = options.histories ?? new CaseHistories();
  }

  async apply(batch: readonly RecordedEvent[], { keys, redis, transaction, watch }: BatchContext): Promise<void> {
    const cases = [...casesIn(batch)];
    if (cases.length === 0) return;
    const caseKeys = cases.map(([caseId]) => reportingCaseKey(keys, caseId));
    await watch(...caseKeys);
    const [stored, histories] = await Promise.all([
      redis.mget(caseKeys),
      Promise.all(cases.map(([caseId, { firstRevision }]) => caseEventsBefore(this.options.store, caseId, firstRevision, this.histories))),
    ]);
    const counts: FactCells = new Map();
    cases.forEach(([caseId, { events }], i) => {
      const before: FactCells = new Map(stored[i] ? (JSON.parse(stored[i]!) as Array<[string, number]>) : []);
      const all = [...histories[i], ...events];
      this.histories.keep(caseId, all);
      const after = factCells(caseFactsOf(caseId, all, latestRecorded(all), this.calendar));
      const changes = countChanges(before, after);
      if (changes.size === 0) return;
      transaction.set(reportingCaseKey(keys, caseId), JSON.stringify([...after]));
      this.listCaseIn(transaction, keys, caseId, before, after);
      for (const [cell, change] of changes) counts.set(cell, (counts.get(cell) ?? 0) + change);
      this.listLateRecords(transaction, keys, caseId, events, changes);
    });
    const countWrites = new BatchWrites();
    writeCountChanges(countWrites, keys, cellChanges(counts));
    countWrites.sendInto(transaction);
  }

  /** Lists the case under each source, area and month it now counts in, and takes it off those it no longer does. */
  private listCaseIn(transaction: ChainableCommander, keys: ProjectionKeys, caseId: string, before: FactCells, after: FactCells): void {
    const was = placesOf(before);
    const is = placesOf(after);
    for (const [place, { source, area, month }] of was) if (!is.has(place)) transaction.srem(reportingCasesKey(keys, source, area, month), caseId);
    for (const [place, { source, area, month }] of is) if (!was.has(place)) transaction.sadd(reportingCasesKey(keys, source, area, month), caseId);
  }

  /** The batch's records of a case that moved the counts of a month already frozen when they were stored. */
  private listLateRecords(transaction: ChainableCommander, keys: ProjectionKeys, caseId: string, events: readonly CaseEvent[], changes: FactCells): void {
    const recorded = events.map((event) => Date.parse(event.metadata.recordedAt));
    const recordedLast = Math.max(...recorded);
    const suffixes = new Set<string>();
    for (const cell of changes.keys()) suffixes.add(splitFactCell(cell).suffix);
    const places = new Map<string, { area: string; month: string }>();
    for (const suffix of suffixes) {
      const { area, month } = parseCounterSuffix(suffix);
      places.set(`${area}\u0000${month}`, { area, month });
    }
    for (const { area, month } of places.values()) {
      const frozenAt = this.snapshotInstant(month);
      if (recordedLast <= frozenAt.getTime()) continue;
      for (const [i, event] of events.entries()) {
        if (recorded[i] <= frozenAt.getTime()) continue;
        const { eventId, recordedAt, occurredAt, agency } = event.metadata;
        const late: LateRecord = { eventId, caseId, type: event.type, agency, occurredAt, recordedAt, month, frozenAt: frozenAt.toISOString() };
        transaction.hset(lateRecordsKey(keys, area, month), eventId, JSON.stringify(late));
      }
    }
  }

  private snapshotInstant(month: string): Date {
    let instant = this.frozenAt.get(month);
    if (!instant) this.frozenAt.set(month, (instant = snapshotInstant(month, this.options.snapshotWorkingDays, this.calendar)));
    return instant;
  }
}

/** The sources, areas and months a case's counts fall in. */
function placesOf(cells: FactCells): Map<string, { source: string; area: string; month: string }> {
  const places = new Map<string, { source: string; area: string; month: string }>();
  for (const [cell, count] of cells) {
    if (count === 0) continue;
    const { bucket, area, month } = parseCounterSuffix(splitFactCell(cell).suffix);
    const source = bucket.slice(0, bucket.lastIndexOf('.'));
    places.set(`${source}\u0000${area}\u0000${month}`, { source, area, month });
  }
  return places;
}

/** A case is read as known once its last record was stored: the projection holds every record it has seen. */
const latestRecorded = (events: readonly CaseEvent[]): Date => new Date(Math.max(...events.map((event) => Date.parse(event.metadata.recordedAt))));
