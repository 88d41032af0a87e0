import type { BatchWrites } from '../runner/batch-writes';
import type { ProjectionKeys } from '../runner/projection-keys';
import { matchingName, type CaseFinderEntry } from './case-finder-entry';

/**
 * The case finder's keys, in the Victims' Code projection's version (it is fed by the same engine
 * run): one set of case ids per value of each filter, a sorted set of every case by when it was
 * opened (the order and the cursor), a sorted set of the cases with a deadline not met scored by
 * the earliest (breached when that is before now), and each case's entry in a hash. Filters with a
 * value or two per case (URN, source references) are one sorted set each of `value NUL caseId`,
 * read by lexical range, rather than a set per value: millions of tiny keys would slow every scan
 * of the keyspace and cost far more memory.
 */
export const FINDER_FILTERS = ['area', 'stage', 'waiting-on', 'closed', 'category', 'enhanced'] as const;
export type FinderFilter = (typeof FINDER_FILTERS)[number];
export const FINDER_LOOKUPS = ['urn', 'source-ref'] as const;
export type FinderLookup = (typeof FINDER_LOOKUPS)[number];

export const finderSetKey = (keys: ProjectionKeys, filter: FinderFilter, value: string): string => keys.key('finder', filter, value);
export const finderLookupKey = (keys: ProjectionKeys, lookup: FinderLookup): string => keys.key('finder', `${lookup}-index`);
/** A case's member of a lookup's sorted set. */
export const lookupMember = (value: string, caseId: string): string => `${value}\u0000${caseId}`;
export const finderOpenedKey = (keys: ProjectionKeys): string => keys.key('finder', 'opened');
export const finderUnmetKey = (keys: ProjectionKeys): string => keys.key('finder', 'unmet');
export const finderEntriesKey = (keys: ProjectionKeys): string => keys.key('finder', 'entries');
/** The areas known, by their matching name, with the name as first written. */
export const finderAreaNamesKey = (keys: ProjectionKeys): string => keys.key('finder', 'area-names');

/** The filter values a case is listed under. */
export function finderValuesOf(entry: CaseFinderEntry): Array<[FinderFilter, string]> {
  const values: Array<[FinderFilter, string]> = [
    ['stage', entry.stage],
    ['waiting-on', entry.waitingOn?.agency ?? 'none'],
    ['closed', String(entry.closed)],
    ['enhanced', String(entry.enhanced)],
  ];
  if (entry.area !== null) values.push(['area', matchingName(entry.area)]);
  if (entry.offenceCategory !== null) values.push(['category', entry.offenceCategory]);
  return values;
}

/** The lookup values a case is found by. */
export function lookupValuesOf(entry: CaseFinderEntry): Array<[FinderLookup, string]> {
  return [...(entry.urn === null ? [] : [['urn', matchingName(entry.urn)] as [FinderLookup, string]]), ...entry.sourceReferences.map((reference): [FinderLookup, string] => ['source-ref', reference.trim()])];
}

const openedScore = (entry: CaseFinderEntry): number => (entry.openedAt === null ? 0 : Date.parse(entry.openedAt));

/** Queues what moves the finder from a case's entry `before` to `after`: only the sets whose membership changed. */
export function writeFinderChanges(writes: BatchWrites, keys: ProjectionKeys, before: CaseFinderEntry | null, after: CaseFinderEntry): void {
  const { caseId } = after;
  const was = new Set((before ? finderValuesOf(before) : []).map(([filter, value]) => finderSetKey(keys, filter, value)));
  const is = new Set(finderValuesOf(after).map(([filter, value]) => finderSetKey(keys, filter, value)));
  for (const key of was) if (!is.has(key)) writes.srem(key, caseId);
  for (const key of is) if (!was.has(key)) writes.sadd(key, caseId);
  const lookups = (entry: CaseFinderEntry | null) => new Map((entry ? lookupValuesOf(entry) : []).map(([lookup, value]) => [`${lookup}\u0000${value}`, [lookup, value] as const]));
  const found = lookups(before);
  const finding = lookups(after);
  for (const [id, [lookup, value]] of found) if (!finding.has(id)) writes.zrem(finderLookupKey(keys, lookup), lookupMember(value, caseId));
  for (const [id, [lookup, value]] of finding) if (!found.has(id)) writes.zadd(finderLookupKey(keys, lookup), 0, lookupMember(value, caseId));
  if (!before || openedScore(before) !== openedScore(after)) writes.zadd(finderOpenedKey(keys), openedScore(after), caseId);
  const earliest = after.unmetDueAt[0];
  if (earliest === undefined) {
    if (before?.unmetDueAt.length) writes.zrem(finderUnmetKey(keys), caseId);
  } else if (before?.unmetDueAt[0] !== earliest) writes.zadd(finderUnmetKey(keys), earliest, caseId);
  if (after.area !== null && before?.area !== after.area) writes.hsetnx(finderAreaNamesKey(keys), matchingName(after.area), after.area.trim());
  const stored = JSON.stringify(after);
  if (!before || JSON.stringify(before) !== stored) writes.hset(finderEntriesKey(keys), caseId, stored);
}
