import type { Redis } from 'ioredis';
import type { Agency, CaseStage, OffenceCategory } from '@case-journey/domain';
import type { ProjectionKeys } from '../runner/projection-keys';
import type { ProjectionVersions } from '../runner/projection-versions';
import { OBLIGATIONS } from '../obligations/obligations.projection';
import { caseFinderRowAt, matchingName, type CaseFinderEntry, type CaseFinderRow } from './case-finder-entry';
import { CASE_FINDER_PAGE } from './case-finder.lua';
import { finderAreaNamesKey, finderEntriesKey, finderLookupKey, finderOpenedKey, finderSetKey, finderUnmetKey, type FinderFilter, type FinderLookup } from './case-finder.indexes';

/** Where a page starts: after this case in the finder's order (opened, newest first; then case id). */
export interface FinderCursor {
  openedMs: number;
  caseId: string;
}

export interface CaseFinderQuery {
  /** The caller's areas: no other area's case is read. Undefined reads every area. */
  areas?: readonly string[];
  area?: string;
  urn?: string;
  stages?: readonly CaseStage[];
  waitingOn?: ReadonlyArray<Agency | 'none'>;
  offenceCategories?: readonly OffenceCategory[];
  openedFromMs?: number;
  openedToMs?: number;
  closed?: boolean;
  enhanced?: boolean;
  hasBreaches?: boolean;
  sourceReference?: string;
  after?: FinderCursor;
  limit: number;
  now: Date;
}

export interface CaseFinderPage {
  items: CaseFinderRow[];
  /** Where the next page starts; null on the last page. */
  next: FinderCursor | null;
}

export interface KnownArea {
  area: string;
  cases: number;
}

const EARLIEST = -8_640_000_000_000_000;
const LATEST = 8_640_000_000_000_000;

/** Searches the case finder on the version of the Victims' Code projection readers use. */
export class CaseFinderReader {
  /**
   * Each area found, by its matching name, under the version reading it was found in. Within a version
   * a name is only ever added (HSETNX), but Redis can lose them all (a FLUSHALL, a restart empty) and
   * the version stay the same; so an area is kept only as long as `ProjectionVersions` keeps the
   * reading (`readingFreshForMs`), after which it is asked about again: an area-filtered read asks
   * Redis for its area about once a second, not every time, and an area lost is not found again
   * within that second. An area not found is asked about every time.
   */
  private found: { reading?: ProjectionKeys; areas: Map<string, string> } = { areas: new Map() };

  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
  ) {
    this.redis.defineCommand('caseFinderPage', { lua: CASE_FINDER_PAGE });
  }

  async find(query: CaseFinderQuery): Promise<CaseFinderPage> {
    const keys = await this.versions.reading(OBLIGATIONS);
    const groups = this.groupsOf(keys, query);
    if (groups.some((group) => group.kind === 's' && group.keys.length === 0)) return { items: [], next: null };
    const args = [
      query.limit,
      query.openedFromMs ?? EARLIEST,
      query.openedToMs ?? LATEST,
      query.after ? query.after.openedMs : '',
      query.after ? query.after.caseId : '',
      query.hasBreaches === undefined ? '' : query.hasBreaches ? 'yes' : 'no',
      query.now.getTime(),
      groups.length,
      ...groups.flatMap((group) => (group.kind === 's' ? ['s', group.keys.length] : ['l', group.value])),
    ];
    const groupKeys = groups.flatMap((group) => group.keys);
    const run = (this.redis as unknown as { caseFinderPage(keyCount: number, ...rest: Array<string | number>): Promise<string[]> }).caseFinderPage;
    const answer = await run.call(this.redis, 3 + groupKeys.length, finderOpenedKey(keys), finderUnmetKey(keys), finderEntriesKey(keys), ...groupKeys, ...args);
    const entries = answer.length > query.limit ? answer.slice(0, -2) : answer;
    const next = answer.length > query.limit ? { openedMs: Number(answer[answer.length - 2]), caseId: answer[answer.length - 1] } : null;
    return { items: entries.map((entry) => caseFinderRowAt(JSON.parse(entry) as CaseFinderEntry, query.now)), next };
  }

  /** The finder's rows of some cases, by id, at an instant; a case it does not hold is left out. */
  async rows(caseIds: readonly string[], now: Date): Promise<Map<string, CaseFinderRow>> {
    if (caseIds.length === 0) return new Map();
    const keys = await this.versions.reading(OBLIGATIONS);
    const entries = await this.redis.hmget(finderEntriesKey(keys), ...caseIds);
    return new Map(entries.flatMap((entry, i) => (entry ? [[caseIds[i], caseFinderRowAt(JSON.parse(entry) as CaseFinderEntry, now)] as const] : [])));
  }

  /** Every area with a case, with how many cases each has, in name order. */
  async areas(): Promise<KnownArea[]> {
    const keys = await this.versions.reading(OBLIGATIONS);
    const names = await this.redis.hgetall(finderAreaNamesKey(keys));
    const matching = Object.keys(names).sort();
    const counting = this.redis.pipeline();
    for (const name of matching) counting.scard(finderSetKey(keys, 'area', name));
    const counts = matching.length === 0 ? [] : ((await counting.exec()) ?? []);
    return matching.map((name, i) => ({ area: names[name], cases: Number(counts[i][1]) })).sort((a, b) => a.area.localeCompare(b.area));
  }

  /** The area as first written, when a case of it is known (matched case-insensitively, blanks trimmed). */
  async knownArea(area: string): Promise<string | undefined> {
    const reading = await this.versions.reading(OBLIGATIONS);
    if (this.found.reading !== reading) this.found = { reading, areas: new Map() };
    const { areas } = this.found;
    const matching = matchingName(area);
    const kept = areas.get(matching);
    if (kept !== undefined) return kept;
    const found = await this.redis.hget(finderAreaNamesKey(reading), matching);
    if (found === null) return undefined;
    areas.set(matching, found);
    return found;
  }

  /** Each filter as a group the page's cases must be in: sets (any of them), or a lookup's value. */
  private groupsOf(keys: ProjectionKeys, query: CaseFinderQuery): FinderGroup[] {
    const sets = (filter: FinderFilter, values: readonly string[] | undefined): FinderGroup[] =>
      values === undefined ? [] : [{ kind: 's', keys: values.map((value) => finderSetKey(keys, filter, value)) }];
    const lookup = (name: FinderLookup, value: string | undefined): FinderGroup[] => (value === undefined ? [] : [{ kind: 'l', keys: [finderLookupKey(keys, name)], value }]);
    const scope = query.area !== undefined ? [matchingName(query.area)] : query.areas?.map(matchingName);
    return [
      ...lookup('urn', query.urn === undefined ? undefined : matchingName(query.urn)),
      ...lookup('source-ref', query.sourceReference?.trim()),
      ...sets('area', scope),
      ...sets('stage', query.stages),
      ...sets('waiting-on', query.waitingOn),
      ...sets('category', query.offenceCategories),
      ...sets('closed', query.closed === undefined ? undefined : [String(query.closed)]),
      ...sets('enhanced', query.enhanced === undefined ? undefined : [String(query.enhanced)]),
    ];
  }
}

type FinderGroup = { kind: 's'; keys: string[] } | { kind: 'l'; keys: [string]; value: string };
