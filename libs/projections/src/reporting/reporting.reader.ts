import type { Redis } from 'ioredis';
import {
  bucketFor,
  computeReport,
  measureInForce,
  parseCounterSuffix,
  ReportRequestError,
  SHARED_MEASURES,
  type FactCounterHash,
  type MeasureDefinition,
  type MeasureDefinitions,
  type Report,
  type ReportBasis,
  type ReportRequest,
} from '@case-journey/reporting';
import { londonDayOf } from '@case-journey/victims-code';
import type { ProjectionKeys } from '../runner/projection-keys';
import type { ProjectionVersions } from '../runner/projection-versions';
import { bucketsChangedKey, counterBucketsKey, countsChangedKey } from '../obligations/case-changes';
import { lateRecordsKey, REPORTING, type LateRecord } from './reporting.projection';
import type { ReportSnapshotStore, SnapshotInfo } from './report-snapshots';

/** How a month's live figures stand against its frozen snapshot. */
export interface SnapshotComparison {
  month: string;
  snapshot: SnapshotInfo;
  differs: boolean;
  /** Each figure that moved since the month was frozen. */
  changes: Array<{ group: Record<string, string>; column: string; frozen: { numerator: number | null; denominator: number | null }; live: { numerator: number | null; denominator: number | null } }>;
  /** The records stored after the snapshot that changed the month's counts: the difference's cause. */
  lateRecords: LateRecord[];
}

export type LiveReport = Report & { snapshotComparison?: SnapshotComparison };

/** A measure's report as a pack or a board asks: one measure, a grouping, some areas (all when absent) and months. */
export interface MeasureReportRequest {
  measure: string;
  groupBy: readonly string[];
  areas?: readonly string[];
  months: readonly string[];
  filters?: Readonly<Record<string, string>>;
}

/** A counter hash as last read: its own change mark then, and the counters' mark it was last known good at. */
interface KeptHash {
  mark: string | null;
  goodAt: string;
  readAt: number;
  fields: Record<string, string>;
}

/**
 * Reports over the reporting projection (live) and the frozen snapshots. Counter hashes read are
 * kept until they change: while the counters' change mark stands nothing is read again, and when it
 * moves only the hashes whose own mark moved are (twelve months of four areas then read again only
 * the months still changing). A hash without a mark (written before marks were kept) is kept for
 * `countsFreshForMs`.
 */
export class ReportingReader {
  private readonly cache = new Map<string, KeptHash>();
  private buckets: { base: string; suffixes: Array<{ suffix: string; bucket: string; area: string; month: string }> } | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
    private readonly snapshots: ReportSnapshotStore,
    readonly definitions: MeasureDefinitions = SHARED_MEASURES,
    private readonly countsFreshForMs = 1000,
  ) {}

  /** The definition of a measure in force at an instant; ReportRequestError when there is none. */
  measure(id: string, at: Date): MeasureDefinition {
    const measure = measureInForce(this.definitions, id, londonDayOf(at));
    if (!measure) throw new ReportRequestError('measure', `no measure '${id}' is in force on ${londonDayOf(at)}`);
    return measure;
  }

  /** Live figures: everything the projection has read, open obligations judged at `now`; compared with the snapshot when the period is one frozen month. */
  async live(request: MeasureReportRequest, now: Date): Promise<LiveReport> {
    const measure = this.measure(request.measure, now);
    const asked = reportRequest(request);
    const hashes = await this.liveHashes(bucketFor(measure, asked), asked.areas, asked.months);
    const report: LiveReport = computeReport(this.definitions, measure, hashes, asked, { kind: 'live', asOf: now.toISOString() });
    if (asked.months.length === 1) {
      const frozen = await this.frozen(request, asked.months[0]);
      if (frozen) report.snapshotComparison = await this.comparison(report, frozen, asked.areas);
    }
    return report;
  }

  /** A month's frozen figures, or undefined while it is not frozen. Counted with the definitions in force when it was frozen. */
  async frozen(request: MeasureReportRequest, month: string): Promise<Report | undefined> {
    const info = await this.snapshots.info(month);
    if (!info) return undefined;
    const measure = this.measure(request.measure, new Date(info.asOf));
    const asked = { ...reportRequest(request), months: [month] };
    const hashes = await this.snapshots.hashes(month, bucketFor(measure, asked), asked.areas);
    const basis: ReportBasis = { kind: 'frozen', asOf: info.asOf, snapshotMonth: month };
    return computeReport(this.definitions, measure, hashes, asked, basis);
  }

  /** Records stored after a month was frozen that changed its figures, in some areas (null: all), oldest first. */
  async lateRecords(month: string, areas: readonly string[] | null): Promise<LateRecord[]> {
    const keys = await this.keys();
    const places = areas ?? [...new Set((await this.redis.smembers(counterBucketsKey(keys))).map((suffix) => parseCounterSuffix(suffix)).filter((suffix) => suffix.month === month).map((suffix) => suffix.area))];
    const reading = this.redis.pipeline();
    for (const area of places) reading.hvals(lateRecordsKey(keys, area, month));
    const answers = (await reading.exec()) ?? [];
    return answers
      .flatMap(([, values]) => (values as string[]).map((value) => JSON.parse(value) as LateRecord))
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.eventId.localeCompare(b.eventId));
  }

  private async comparison(live: Report, frozen: Report, areas: readonly string[] | null): Promise<SnapshotComparison> {
    const month = frozen.basis.snapshotMonth!;
    const rowsOf = (report: Report) => new Map([...report.rows, ...(report.total ? [{ ...report.total, group: { total: 'all' } }] : [])].map((row) => [JSON.stringify(row.group), row]));
    const before = rowsOf(frozen);
    const after = rowsOf(live);
    const changes: SnapshotComparison['changes'] = [];
    for (const group of new Set([...before.keys(), ...after.keys()])) {
      for (const column of live.columns) {
        const was = before.get(group)?.cells[column.id] ?? { numerator: null, denominator: null };
        const is = after.get(group)?.cells[column.id] ?? { numerator: null, denominator: null };
        if (was.numerator !== is.numerator || was.denominator !== is.denominator) {
          changes.push({ group: JSON.parse(group), column: column.id, frozen: { numerator: was.numerator, denominator: was.denominator }, live: { numerator: is.numerator, denominator: is.denominator } });
        }
      }
    }
    const info = (await this.snapshots.info(month))!;
    return { month, snapshot: info, differs: changes.length > 0, changes, lateRecords: changes.length > 0 ? await this.lateRecords(month, areas) : [] };
  }

  private async liveHashes(bucket: string, areas: readonly string[] | null, months: readonly string[]): Promise<FactCounterHash[]> {
    const keys = await this.keys();
    const [[, markRead], [, listed]] = ((await this.redis.pipeline().get(countsChangedKey(keys)).scard(counterBucketsKey(keys)).exec()) ?? []) as Array<[unknown, unknown]>;
    const mark = (markRead as string | null) ?? '';
    // Hashes are only ever added to the list, so the same number listed is the same list.
    if (this.buckets?.base !== keys.base || this.buckets.suffixes.length !== listed) {
      if (this.buckets && this.buckets.base !== keys.base) this.cache.clear(); // another version is read now
      const suffixes = (await this.redis.smembers(counterBucketsKey(keys))).map((suffix) => ({ suffix, ...parseCounterSuffix(suffix) }));
      this.buckets = { base: keys.base, suffixes };
    }
    const wanted = this.buckets.suffixes.filter((parsed) => parsed.bucket === bucket && months.includes(parsed.month) && (areas === null || areas.includes(parsed.area)));
    await this.refresh(keys, mark, wanted.map(({ suffix }) => suffix));
    return wanted.map(({ bucket: of, area, month, suffix }) => ({ bucket: of, area, month, fields: this.cache.get(keys.within(suffix))!.fields }));
  }

  /**
   * Reads the hashes among `suffixes` not kept, and again those kept that moved since they were
   * read: the marks and the hashes not kept in one round trip, then those that moved.
   */
  private async refresh(keys: ProjectionKeys, mark: string, suffixes: readonly string[]): Promise<void> {
    const now = Date.now();
    const unsure = suffixes.filter((suffix) => this.cache.get(keys.within(suffix))?.goodAt !== mark);
    if (unsure.length === 0) return;
    const unknown = new Set(unsure.filter((suffix) => !this.cache.has(keys.within(suffix))));
    // The marks are read before the hashes, so a hash is never kept under a mark later than its fields.
    const reading = this.redis.pipeline().hmget(bucketsChangedKey(keys), ...unsure);
    for (const suffix of unknown) reading.hgetall(keys.within(suffix));
    const [[, read], ...hashes] = (await reading.exec()) ?? [];
    const marks = read as Array<string | null>;
    const markOf = new Map(unsure.map((suffix, i) => [suffix, marks[i]]));
    [...unknown].forEach((suffix, i) => this.cache.set(keys.within(suffix), { mark: markOf.get(suffix)!, goodAt: mark, readAt: now, fields: hashes[i][1] as Record<string, string> }));
    const moved = unsure.filter((suffix) => {
      if (unknown.has(suffix)) return false;
      const kept = this.cache.get(keys.within(suffix))!;
      const unmoved = markOf.get(suffix) === null ? now - kept.readAt < this.countsFreshForMs : kept.mark === markOf.get(suffix);
      if (unmoved) kept.goodAt = mark;
      return !unmoved;
    });
    if (moved.length === 0) return;
    const again = this.redis.pipeline();
    for (const suffix of moved) again.hgetall(keys.within(suffix));
    const answers = (await again.exec()) ?? [];
    moved.forEach((suffix, i) => this.cache.set(keys.within(suffix), { mark: markOf.get(suffix)!, goodAt: mark, readAt: now, fields: answers[i][1] as Record<string, string> }));
  }

  private keys(): Promise<ProjectionKeys> {
    return this.versions.reading(REPORTING);
  }
}

export const reportRequest = (request: MeasureReportRequest): ReportRequest => ({
  groupBy: request.groupBy,
  areas: request.areas ? [...request.areas] : null,
  months: request.months,
  filters: request.filters ?? {},
});
