import type { Redis } from 'ioredis';
import type { Agency } from '@case-journey/domain';
import type { Obligation } from '@case-journey/victims-code';
import { createHash } from 'node:crypto';
import { JsonText } from '../runner/json-text';
import { mergedPage } from '../runner/merged-page';
import type { ProjectionKeys } from '../runner/projection-keys';
import type { ProjectionVersions } from '../runner/projection-versions';
import type { CaseObligations, VictimJourney } from './case-obligations';
import { caseObligationsKey, counterBucketsKey, countsChangedKey, victimCasesKey, worklistChangedKey, worklistItemsKey } from './case-changes';
import { AnswersWhileUnchanged } from '../runner/answers-while-unchanged';
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
  /** The caller's areas: no other area's items are read. Undefined reads every area. */
  areas?: readonly string[];
  statuses?: readonly OpenStatus[];
  rights?: readonly Rights[];
  /** Only obligations due at or before this instant. */
  dueBefore?: Date;
  /** Only obligations due after this instant. */
  dueAfter?: Date;
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
  /** The caller's areas: no other area's counters are read. Undefined reads every area. */
  areas?: readonly string[];
  /** London months `YYYY-MM`; every month with figures when absent. */
  months?: readonly string[];
  /** No month after this one (`YYYY-MM`), given or not: figures of months to come are not figures yet. */
  latestMonth?: string;
}

export interface TimelinessFigures {
  area: string | null;
  months: string[];
  measures: TimelinessSummary[];
}

/** A worklist page as the API sends it, with the cases it names (what the audit records). */
export class WorklistText extends JsonText<WorklistPage> {
  constructor(
    text: string,
    readonly caseIds: string[],
  ) {
    super(text);
  }
}

/** Queries over the Victims' Code projection, on the version readers currently use. */
export interface ObligationsReaderOptions {
  /** How long figures are given before the reader asks whether any counter changed since they were added up. Default 1000 ms. */
  countsFreshForMs: number;
}

export class ObligationsReader {
  /** Counter hashes as read, valid while the change count they were read at stands. */
  private readonly counterCache = new Map<string, { countsSeen: string; fields: Record<string, string> }>();
  private readonly figuresCache: AnswersWhileUnchanged<JsonText>;
  private readonly worklistCache: AnswersWhileUnchanged<WorklistText>;
  private readonly options: ObligationsReaderOptions;

  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
    options: Partial<ObligationsReaderOptions> = {},
  ) {
    this.options = { countsFreshForMs: 1000, ...options };
    this.figuresCache = new AnswersWhileUnchanged(this.options.countsFreshForMs);
    this.worklistCache = new AnswersWhileUnchanged(this.options.countsFreshForMs);
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

  /** Open obligations by due instant: the page is merged from six sorted sets per area read (one national set each when every area is). */
  async worklist(query: WorklistQuery): Promise<WorklistPage> {
    return (await this.worklistText(query)).toJSON();
  }

  /**
   * The worklist page made of the items' JSON as Redis keeps it, neither parsed nor written again;
   * read again only when the worklist moved since (see `AnswersWhileUnchanged`).
   */
  async worklistText(query: WorklistQuery): Promise<WorklistText> {
    const keys = await this.keys();
    return this.worklistCache.answer(
      JSON.stringify(query),
      async () => `${keys.base}@${(await this.redis.get(worklistChangedKey(keys))) ?? 0}`,
      () => this.readWorklist(query, keys),
    );
  }

  private async readWorklist(query: WorklistQuery, keys: ProjectionKeys): Promise<WorklistText> {
    const areas: ReadonlyArray<string | undefined> = query.area !== undefined ? [query.area] : (query.areas ?? [undefined]);
    const indexes = (query.statuses ?? OPEN_STATUSES).flatMap((status) =>
      (query.rights ?? RIGHTS).flatMap((rights) => areas.map((area) => keys.within(worklistIndex(query.agency, status, rights, area)))),
    );
    const { total, ids } = await mergedPage(this.redis, indexes, {
      offset: query.offset,
      limit: query.limit,
      maxScore: query.dueBefore ? String(query.dueBefore.getTime()) : undefined,
      minScore: query.dueAfter ? `(${query.dueAfter.getTime()}` : undefined,
    });
    const items = ids.length === 0 ? [] : (await this.redis.hmget(worklistItemsKey(keys), ...ids)).filter((item): item is string => item !== null);
    return new WorklistText(`{"total":${total},"offset":${query.offset},"limit":${query.limit},"items":[${items.join(',')}]}`, items.map(caseIdOfItem));
  }

  async compliance(query: ComplianceQuery): Promise<ComplianceFigures> {
    return (await this.complianceText(query)).toJSON();
  }

  async complianceText(query: ComplianceQuery): Promise<JsonText<ComplianceFigures>> {
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
    return (await this.timelinessText(query)).toJSON();
  }

  async timelinessText(query: TimelinessQuery): Promise<JsonText<TimelinessFigures>> {
    return this.figures('timeliness', query, (months, hashes) => ({ area: query.area ?? null, months, measures: timelinessSummaries(hashes) }));
  }

  /** Figures added up from counter hashes, as JSON with its ETag, added up again only when a counter moved (see `AnswersWhileUnchanged`). */
  private async figures<T>(kind: string, query: TimelinessQuery, addUp: (months: string[], hashes: CounterHash[]) => T): Promise<JsonText<T>> {
    const keys = await this.keys();
    return (await this.figuresCache.answer(
      JSON.stringify([kind, query]),
      async () => `${keys.base}@${(await this.redis.get(countsChangedKey(keys))) ?? 0}`,
      async (countsSeen) => {
        const { months, hashes } = await this.counters(kind, query, keys, countsSeen);
        const text = JSON.stringify(addUp(months, hashes));
        return new JsonText(text, `"${createHash('sha1').update(text).digest('base64url')}"`);
      },
    )) as JsonText<T>;
  }

  /**
   * The counter hashes of one kind for an area (or all) and months (or all). A hash read is kept
   * while the counters' change count stands, so that figures of several groupings over the same
   * hashes read each of them once.
   */
  private async counters(kind: string, { area, areas, months: asked, latestMonth }: TimelinessQuery, keys: ProjectionKeys, countsSeen: string): Promise<{ months: string[]; hashes: CounterHash[] }> {
    const months = asked === undefined || latestMonth === undefined ? asked : asked.filter((month) => month <= latestMonth);
    const buckets = (await this.redis.smembers(counterBucketsKey(keys)))
      .map(parseBucket)
      .filter(
        (bucket) =>
          bucket.kind === kind &&
          (area === undefined || bucket.area === area) &&
          (areas === undefined || areas.includes(bucket.area)) &&
          (months === undefined || months.includes(bucket.month)) &&
          (latestMonth === undefined || bucket.month <= latestMonth),
      );
    const stale = buckets.filter((bucket) => this.counterCache.get(keys.within(bucket.suffix))?.countsSeen !== countsSeen);
    if (stale.length > 0) {
      const reading = this.redis.pipeline();
      for (const bucket of stale) reading.hgetall(keys.within(bucket.suffix));
      const answers = (await reading.exec()) ?? [];
      stale.forEach((bucket, i) => this.counterCache.set(keys.within(bucket.suffix), { countsSeen, fields: answers[i][1] as Record<string, string> }));
    }
    return {
      months: months ? [...months] : [...new Set(buckets.map((bucket) => bucket.month))].sort(),
      hashes: buckets.map((bucket) => ({ area: bucket.area, month: bucket.month, fields: this.counterCache.get(keys.within(bucket.suffix))!.fields })),
    };
  }

  private keys(): Promise<ProjectionKeys> {
    return this.versions.reading(OBLIGATIONS);
  }
}

/**
 * The case an item names, from its stored JSON: items are written with `obligationId` then
 * `caseId` first (`worklistOf`), so the id is read off the front; anything else is parsed.
 */
export function caseIdOfItem(item: string): string {
  return ITEM_FRONT.exec(item)?.[1] ?? (JSON.parse(item) as WorklistItem).caseId;
}
const ITEM_FRONT = /^\{"obligationId":"[^"\\]*","caseId":"([^"\\]*)"/;

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


