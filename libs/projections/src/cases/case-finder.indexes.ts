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

/** A case's members of each lookup's sorted set (`value NUL caseId`): its URN, its source references. */
function lookupMembersOf(entry: CaseFinderEntry | null): Record<FinderLookup, Set<string>> {
  const members: Record<FinderLookup, Set<string>> = { urn: new Set(), 'source-ref': new Set() };
  if (!entry) return members;
  if (entry.urn !== null) members.urn.add(lookupMember(matchingName(entry.urn), entry.caseId));
  for (const reference of entry.sourceReferences) members['source-ref'].add(lookupMember(reference.trim(), entry.caseId));
  return members;
}

const openedScore = (entry: CaseFinderEntry): number => (entry.openedAt === null ? 0 : Date.parse(entry.openedAt));

/** Queues what moves the finder from a case's entry `before` to `after`: only the sets whose membership changed. */
export function writeFinderChanges(writes: BatchWrites, keys: ProjectionKeys, before: CaseFinderEntry | null, after: CaseFinderEntry): void {
  const { caseId } = after;
  const was = new Set((before ? finderValuesOf(before) : []).map(([filter, value]) => finderSetKey(keys, filter, value)));
  const is = new Set(finderValuesOf(after).map(([filter, value]) => finderSetKey(keys, filter, value)));
  for (const key of was) if (!is.has(key)) writes.srem(key, caseId);
  for (const key of is) if (!was.has(key)) writes.sadd(key, caseId);
  const found = lookupMembersOf(before);
  const finding = lookupMembersOf(after);
  for (const lookup of FINDER_LOOKUPS) {
    const key = finderLookupKey(keys, lookup);
    for (const member of found[lookup]) if (!finding[lookup].has(member)) writes.zrem(key, member);
    for (const member of finding[lookup]) if (!found[lookup].has(member)) writes.zadd(key, 0, member);
  }
  if (!before || openedScore(before) !== openedScore(after)) writes.zadd(finderOpenedKey(keys), openedScore(after), caseId);
  const earliest = after.unmetDueAt[0];
  if (earliest === undefined) {
    if (before?.unmetDueAt.length) writes.zrem(finderUnmetKey(keys), caseId);
  } else if (before?.unmetDueAt[0] !== earliest) writes.zadd(finderUnmetKey(keys), earliest, caseId);
  if (after.area !== null && before?.area !== after.area) writes.hsetnx(finderAreaNamesKey(keys), matchingName(after.area), after.area.trim());
  const stored = JSON.stringify(after);
  if (!before || JSON.stringify(before) !== stored) writes.hset(finderEntriesKey(keys), caseId, stored);
}
