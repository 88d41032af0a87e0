import { randomUUID } from 'node:crypto';
import { writeFinderChanges } from '../cases/case-finder.indexes';
import type { BatchWrites } from '../runner/batch-writes';
import type { ProjectionKeys } from '../runner/projection-keys';
import type { CaseObligations } from './case-obligations';
import { CELL_SEPARATOR, type ComplianceCounts, type CounterCells } from './compliance-cells';
import { serializeReading } from './stored-reading';
import { worklistOf } from './worklist';

/** The key of one case's reading: its victims' journeys, obligations and timeliness samples. */
export const caseObligationsKey = (keys: ProjectionKeys, caseId: string): string => keys.key('case', caseId);
/** The hash of every open obligation's worklist item, by obligation id. */
export const worklistItemsKey = (keys: ProjectionKeys): string => keys.key('worklist-items');
/** The cases a victim id is registered in: how an erasure, which names only the victim, finds their cases. */
export const victimCasesKey = (keys: ProjectionKeys, victimId: string): string => keys.key('victim-cases', victimId);
/**
 * A fresh random mark on every change of the counters: a reader whose figures were added up under
 * the same mark has nothing new to add. Random rather than a count, so that a count started again
 * from nothing can never repeat a mark a reader still holds.
 */
export const countsChangedKey = (keys: ProjectionKeys): string => keys.key('counts-changed');
/** Like `countsChangedKey`, for the worklist: a fresh random mark whenever an entry is added, moved or taken off. */
export const worklistChangedKey = (keys: ProjectionKeys): string => keys.key('worklist-changed');
/**
 * Each counter hash's own change mark (hash suffix → the mark of the last batch that moved it), so a
 * reader can keep the hashes that did not move and read again only those that did.
 */
export const bucketsChangedKey = (keys: ProjectionKeys): string => keys.key('buckets-changed');
/** Every counter hash that has ever held a count (`compliance:{area}:{month}` …), for queries to find. */
export const counterBucketsKey = (keys: ProjectionKeys): string => keys.key('buckets');

/**
 * Adds to `writes` what turns the read model of a case as read `before` into the one read `after`:
 * the stored reading and the worklist entries. The counters' exact difference is added to
 * `counts`, so that a batch of cases moves each counter once (`writeCountChanges`).
 */
export function writeCaseChanges(
  writes: BatchWrites,
  keys: ProjectionKeys,
  before: CaseObligations | null,
  after: CaseObligations,
  counts: ComplianceCounts,
): void {
  writes.set(caseObligationsKey(keys, after.caseId), serializeReading(after));
  // The counters move by the cells of the reading after less those before (a case read for the
  // first time, as in a catch-up, has none); a cell whose changes add up to nothing is not sent.
  counts.add(after).add(before, -1);

  writeVictimIndex(writes, keys, before, after);
  if (after.finder) writeFinderChanges(writes, keys, before?.finder ?? null, after.finder);

  if (writeWorklistChanges(writes, keys, before, after)) writes.set(worklistChangedKey(keys), randomUUID());
}

/** Adds the worklist entries' changes; whether there were any. */
function writeWorklistChanges(writes: BatchWrites, keys: ProjectionKeys, before: CaseObligations | null, after: CaseObligations): boolean {
  let moved = false;
  const listed = worklistOf(before);
  const listing = worklistOf(after);
  for (const [obligationId, was] of listed) {
    const now = listing.get(obligationId);
    for (const index of was.indexes.filter((index) => !now?.indexes.includes(index))) {
      writes.zrem(keys.within(index), obligationId);
      moved = true;
    }
    if (!now) {
      writes.hdel(worklistItemsKey(keys), obligationId);
      moved = true;
    }
  }
  for (const [obligationId, now] of listing) {
    const was = listed.get(obligationId);
    for (const index of now.indexes.filter((index) => !was?.indexes.includes(index) || was.score !== now.score)) {
      writes.zadd(keys.within(index), now.score, obligationId);
      moved = true;
    }
    const item = JSON.stringify(now.item);
    if (!was || JSON.stringify(was.item) !== item) {
      writes.hset(worklistItemsKey(keys), obligationId, item);
      moved = true;
    }
  }
  return moved;
}

/** A batch's counter changes, each as its hash's suffix (`{bucket}:{area}:{month}`), its field and how much it moved. */
export interface CountChanges {
  eachChange(found: (bucket: string, field: string, by: number) => void): void;
}

/** Counter changes as a flat list (bucket, field, by, bucket, …): what a thread posts of its `CountChanges`. */
export function listedChanges(counts: CountChanges): Array<string | number> {
  const listed: Array<string | number> = [];
  counts.eachChange((bucket, field, by) => listed.push(bucket, field, by));
  return listed;
}

/** Counter changes from several lists (`listedChanges`), added up per hash and field. */
export class AddedChanges implements CountChanges {
  private readonly byBucket = new Map<string, Map<string, number>>();

  add(listed: ReadonlyArray<string | number>): this {
    for (let i = 0; i < listed.length; i += 3) {
      const bucket = listed[i] as string;
      let fields = this.byBucket.get(bucket);
      if (fields === undefined) this.byBucket.set(bucket, (fields = new Map()));
      const field = listed[i + 1] as string;
      fields.set(field, (fields.get(field) ?? 0) + (listed[i + 2] as number));
    }
    return this;
  }

  eachChange(found: (bucket: string, field: string, by: number) => void): void {
    for (const [bucket, fields] of this.byBucket) for (const [field, by] of fields) found(bucket, field, by);
  }
}

/** Counter changes kept as whole cell names (`{bucket}#{field}`), as the reporting projection keeps them. */
export const cellChanges = (cells: CounterCells): CountChanges => ({
  eachChange(found) {
    for (const [cell, by] of cells) {
      const at = cell.indexOf(CELL_SEPARATOR);
      found(cell.slice(0, at), cell.slice(at + 1), by);
    }
  },
});

/** Adds the counters' changes, lists each hash that gained a count so queries can find it, and marks the hashes that moved. */
export function writeCountChanges(writes: BatchWrites, keys: ProjectionKeys, counts: CountChanges): void {
  const gained = new Set<string>();
  /** Each hash moved, by its suffix, with its key. */
  const moved = new Map<string, string>();
  counts.eachChange((bucket, field, by) => {
    if (by === 0) return;
    let key = moved.get(bucket);
    if (key === undefined) moved.set(bucket, (key = keys.within(bucket)));
    writes.hincrby(key, field, by);
    if (by > 0) gained.add(bucket);
  });
  for (const bucket of gained) writes.sadd(counterBucketsKey(keys), bucket);
  if (moved.size === 0) return;
  const mark = randomUUID();
  writes.set(countsChangedKey(keys), mark);
  for (const bucket of moved.keys()) writes.hset(bucketsChangedKey(keys), bucket, mark);
}

const victimIdsOf = (doc: CaseObligations | null): Set<string> =>
  new Set([...(doc?.victims ?? []), ...(doc?.erasedVictims ?? [])].map((victim) => victim.victimId));

function writeVictimIndex(writes: BatchWrites, keys: ProjectionKeys, before: CaseObligations | null, after: CaseObligations): void {
  const was = victimIdsOf(before);
  const is = victimIdsOf(after);
  for (const victimId of is) if (!was.has(victimId)) writes.sadd(victimCasesKey(keys, victimId), after.caseId);
  for (const victimId of was) if (!is.has(victimId)) writes.srem(victimCasesKey(keys, victimId), after.caseId);
}
