import type { Redis } from 'ioredis';
import type { Agency } from '@case-journey/domain';
import type { Obligation } from '@case-journey/victims-code';
import type { ProjectionKeys } from '../runner/projection-keys';
import type { ProjectionVersions } from '../runner/projection-versions';
import type { CaseObligations, VictimJourney } from './case-obligations';
import { caseObligationsKey, counterBucketsKey, victimCasesKey, worklistItemsKey } from './case-changes';
import { complianceRows, countersFor, groupingProblem, timelinessSummaries, type ComplianceDimension, type ComplianceRow, type CounterHash, type TimelinessSummary } from './compliance-figures';
import { OBLIGATIONS } from './obligations.projection';
import { parseReading } from './stored-reading';
import { OPEN_STATUSES, RIGHTS, worklistIndex, type OpenStatus, type Rights, type WorklistItem } from './worklist';

export interface VictimJourneyView extends VictimJourney {
  caseId: string;
  area: string | null;
  asOf: string;
  obligations: Obligation[];
}

export interface WorklistQuery {
  agency: Agency;
  area?: string;
  statuses?: readonly OpenStatus[];
  rights?: readonly Rights[];
  /** Only obligations due at or before this instant. */
  dueBefore?: Date;
  offset: number;
  limit: number;
}

export interface WorklistPage {
  total: number;
  offset: number;
  limit: number;
  items: WorklistItem[];
}

export interface ComplianceQuery extends TimelinessQuery {
  groupBy: readonly ComplianceDimension[];
}

export interface ComplianceFigures {
  area: string | null;
  months: string[];
  groupBy: ComplianceDimension[];
  rows: ComplianceRow[];
}

export interface TimelinessQuery {
  area?: string;
  /** London months `YYYY-MM`; every month with figures when absent. */
  months?: readonly string[];
}

export interface TimelinessFigures {
  area: string | null;
  months: string[];
  measures: TimelinessSummary[];
}

/** Queries over the Victims' Code projection, on the version readers currently use. */
export interface ObligationsReaderOptions {
  /** How long a counter hash read for compliance figures is used before being read again. Default 1000 ms. */
  countsFreshForMs: number;
}

export class ObligationsReader {
  private readonly counterCache = new Map<string, { readAt: number; fields: Record<string, string> }>();
  private readonly figuresCache = new Map<string, { freshUntil: number; figures: unknown }>();
  private readonly options: ObligationsReaderOptions;

  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
    options: Partial<ObligationsReaderOptions> = {},
  ) {
    this.options = { countsFreshForMs: 1000, ...options };
  }

  async caseReading(caseId: string): Promise<CaseObligations | null> {
    const keys = await this.keys();
    return parseReading(await this.redis.get(caseObligationsKey(keys, caseId)));
  }

  async victimJourney(caseId: string, victimId: string): Promise<VictimJourneyView | null> {
    const reading = await this.caseReading(caseId);
    const victim = reading?.victims.find((candidate) => candidate.victimId === victimId);
    if (!reading || !victim) return null;
    return {
      caseId,
      area: reading.area,
      asOf: reading.asOf,
      ...victim,
      obligations: reading.obligations.filter((obligation) => obligation.victimId === victimId),
    };
  }

  /** The cases that register this victim id, as far as the projection has read. */
  async casesOfVictim(victimId: string): Promise<string[]> {
    const keys = await this.keys();
    return (await this.redis.smembers(victimCasesKey(keys, victimId))).sort();
  }

  /** When the victim's personal data was erased, if the case holds them and it was. */
  async erasureOf(caseId: string, victimId: string): Promise<string | null> {
    const reading = await this.caseReading(caseId);
    return reading?.erasedVictims.find((victim) => victim.victimId === victimId)?.erasedAt ?? null;
  }

  /** Open obligations by due instant: the page is merged from at most six sorted sets. */
  async worklist(query: WorklistQuery): Promise<WorklistPage> {
    const keys = await this.keys();
    const indexes = (query.statuses ?? OPEN_STATUSES).flatMap((status) =>
      (query.rights ?? RIGHTS).map((rights) => keys.within(worklistIndex(query.agency, status, rights, query.area))),
    );
    const max = query.dueBefore ? String(query.dueBefore.getTime()) : '+inf';
    const reading = this.redis.pipeline();
    for (const index of indexes) {
      reading.zcount(index, '-inf', max);
      reading.zrange(index, '-inf', max, 'BYSCORE', 'LIMIT', 0, query.offset + query.limit, 'WITHSCORES');
    }
    const answers = (await reading.exec()) ?? [];
    let total = 0;
    const listed: Array<{ id: string; score: number }> = [];
    for (let i = 0; i < answers.length; i += 2) {
      total += Number(answers[i][1]);
      const members = answers[i + 1][1] as string[];
      for (let m = 0; m < members.length; m += 2) listed.push({ id: members[m], score: Number(members[m + 1]) });
    }
    listed.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
    const page = listed.slice(query.offset, query.offset + query.limit);
    const items = page.length === 0 ? [] : await this.redis.hmget(worklistItemsKey(keys), ...page.map((entry) => entry.id));
    return {
      total,
      offset: query.offset,
      limit: query.limit,
      items: items.flatMap((item) => (item === null ? [] : [JSON.parse(item) as WorklistItem])),
    };
  }

  async compliance(query: ComplianceQuery): Promise<ComplianceFigures> {
    const problem = groupingProblem(query.groupBy);
    if (problem) throw new RangeError(problem);
    return this.figures(countersFor(query.groupBy), query, (months, hashes) => ({
      area: query.area ?? null,
      months,
      groupBy: [...query.groupBy],
      rows: complianceRows(hashes, query.groupBy),
    }));
  }

  /** Medians, 90th percentiles and histograms of the handoff-timeliness measures, by the month each interval ended. */
  async timeliness(query: TimelinessQuery): Promise<TimelinessFigures> {
    return this.figures('timeliness', query, (months, hashes) => ({ area: query.area ?? null, months, measures: timelinessSummaries(hashes) }));
  }

  /** Figures added up from counter hashes, kept while every hash they came from is fresh: the same question asked again costs nothing. */
  private async figures<T>(kind: string, query: TimelinessQuery, addUp: (months: string[], hashes: CounterHash[]) => T): Promise<T> {
    const key = JSON.stringify([kind, query]);
    const known = this.figuresCache.get(key);
    if (known && known.freshUntil > Date.now()) return known.figures as T;
    const { months, hashes, readAt } = await this.counters(kind, query);
    const figures = addUp(months, hashes);
    if (this.figuresCache.size >= 1000) for (const [old, { freshUntil }] of this.figuresCache) if (freshUntil <= Date.now()) this.figuresCache.delete(old);
    this.figuresCache.set(key, { freshUntil: readAt + this.options.countsFreshForMs, figures });
    return figures;
  }

  /**
   * The counter hashes of one kind for an area (or all) and months (or all). Each hash read is
   * kept for `countsFreshForMs`, so that however many boards ask at once, Redis sends each hash
   * at most once in that time; figures are then at most that much older than the projection.
   */
  private async counters(kind: string, { area, months }: TimelinessQuery): Promise<{ months: string[]; hashes: CounterHash[]; readAt: number }> {
    const keys = await this.keys();
    const buckets = (await this.redis.smembers(counterBucketsKey(keys)))
      .map(parseBucket)
      .filter((bucket) => bucket.kind === kind && (area === undefined || bucket.area === area) && (months === undefined || months.includes(bucket.month)));
    const now = Date.now();
    const stale = buckets.filter((bucket) => !this.fresh(keys.within(bucket.suffix), now));
    if (stale.length > 0) {
      const reading = this.redis.pipeline();
      for (const bucket of stale) reading.hgetall(keys.within(bucket.suffix));
      const answers = (await reading.exec()) ?? [];
      stale.forEach((bucket, i) => this.counterCache.set(keys.within(bucket.suffix), { readAt: now, fields: answers[i][1] as Record<string, string> }));
    }
    const cached = buckets.map((bucket) => ({ bucket, ...this.counterCache.get(keys.within(bucket.suffix))! }));
    return {
      months: months ? [...months] : [...new Set(buckets.map((bucket) => bucket.month))].sort(),
      hashes: cached.map(({ bucket, fields }) => ({ area: bucket.area, month: bucket.month, fields })),
      readAt: Math.min(now, ...cached.map(({ readAt }) => readAt)),
    };
  }

  private fresh(key: string, now: number): boolean {
    const cached = this.counterCache.get(key);
    return cached !== undefined && now - cached.readAt < this.options.countsFreshForMs;
  }

  private keys(): Promise<ProjectionKeys> {
    return this.versions.reading(OBLIGATIONS);
  }
}

interface Bucket {
  suffix: string;
  kind: string;
  area: string;
  month: string;
}

function parseBucket(suffix: string): Bucket {
  const [kind, area, month] = suffix.split(':');
  return { suffix, kind, area: decodeURIComponent(area), month };
}


