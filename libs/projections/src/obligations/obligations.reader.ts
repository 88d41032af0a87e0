import type { Redis } from 'ioredis';
import type { Agency } from '@case-journey/domain';
import type { Obligation } from '@case-journey/victims-code';
import type { ProjectionKeys } from '../runner/projection-keys';
import type { ProjectionVersions } from '../runner/projection-versions';
import type { CaseObligations, VictimJourney } from './case-obligations';
import { caseObligationsKey, counterBucketsKey, worklistItemsKey } from './case-changes';
import { complianceRows, groupingProblem, timelinessSummaries, type ComplianceDimension, type ComplianceRow, type CounterHash, type TimelinessSummary } from './compliance-figures';
import { VICTIM_DIMENSIONS } from './compliance-cells';
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

export interface ComplianceQuery {
  area?: string;
  /** London months `YYYY-MM`; every month with figures when absent. */
  months?: readonly string[];
  groupBy: readonly ComplianceDimension[];
}

export interface ComplianceFigures {
  area: string | null;
  months: string[];
  groupBy: ComplianceDimension[];
  rows: ComplianceRow[];
  timeliness: TimelinessSummary[];
}

/** Queries over the Victims' Code projection, on the version readers currently use. */
export class ObligationsReader {
  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
  ) {}

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
    const keys = await this.keys();
    const byVictim = query.groupBy.some((dimension) => (VICTIM_DIMENSIONS as readonly string[]).includes(dimension));
    const buckets = (await this.redis.smembers(counterBucketsKey(keys))).map(parseBucket);
    const chosen = buckets.filter(
      ({ area, month }) => (query.area === undefined || area === query.area) && (query.months === undefined || query.months.includes(month)),
    );
    const counts = await this.hashes(keys, chosen.filter(({ kind }) => kind === (byVictim ? 'victims' : 'compliance')));
    const timeliness = await this.hashes(keys, chosen.filter(({ kind }) => kind === 'timeliness'));
    return {
      area: query.area ?? null,
      months: query.months ? [...query.months] : [...new Set(chosen.map(({ month }) => month))].sort(),
      groupBy: [...query.groupBy],
      rows: complianceRows(counts, query.groupBy),
      timeliness: timelinessSummaries(timeliness),
    };
  }

  private async hashes(keys: ProjectionKeys, buckets: ReadonlyArray<Bucket>): Promise<CounterHash[]> {
    if (buckets.length === 0) return [];
    const reading = this.redis.pipeline();
    for (const bucket of buckets) reading.hgetall(keys.within(bucket.suffix));
    const answers = (await reading.exec()) ?? [];
    return buckets.map(({ area, month }, i) => ({ area, month, fields: answers[i][1] as Record<string, string> }));
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


