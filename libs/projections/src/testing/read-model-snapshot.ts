import type { Redis } from 'ioredis';
import { keysMatching } from '../runner/key-pages';
import { bucketsChangedKey, countsChangedKey, worklistChangedKey } from '../obligations/case-changes';
import type { ProjectionKeys } from '../runner/projection-keys';

/**
 * Everything one version of a projection holds, by key suffix, in a form two versions can be
 * compared in: its checkpoint, progress and the change marks (counters', worklist's) left out, counters at zero dropped (a live version
 * keeps a field, and lists a hash, that a case's count went back to zero in; a rebuild never wrote them).
 */
export async function readModelSnapshot(redis: Redis, keys: ProjectionKeys): Promise<Record<string, unknown>> {
  const snapshot: Record<string, unknown> = {};
  for (const key of await keysMatching(redis, keys.pattern)) {
    if (key === keys.checkpoint || key === keys.progress || key === countsChangedKey(keys) || key === bucketsChangedKey(keys) || key === worklistChangedKey(keys)) continue;
    const suffix = key.slice(keys.base.length + 1);
    const type = await redis.type(key);
    if (type === 'string') snapshot[suffix] = await redis.get(key);
    else if (type === 'list') snapshot[suffix] = await redis.lrange(key, 0, -1);
    else if (type === 'set') snapshot[suffix] = (await redis.smembers(key)).sort();
    else if (type === 'zset') snapshot[suffix] = await redis.zrange(key, 0, -1, 'WITHSCORES');
    else if (type === 'hash') {
      const fields = Object.entries(await redis.hgetall(key)).filter(([, value]) => value !== '0').sort(([a], [b]) => a.localeCompare(b));
      if (fields.length > 0) snapshot[suffix] = Object.fromEntries(fields);
    }
  }
  // A counter hash listed once but now all zeros is as good as absent.
  if (Array.isArray(snapshot.buckets)) snapshot.buckets = (snapshot.buckets as string[]).filter((bucket) => bucket in snapshot);
  return snapshot;
}

/**
 * A snapshot without the lease's own keys, and without the instant each stored reading was judged
 * at (`asOf`: a worker re-reads a case when a deadline job fires, a rebuild judges when it passes
 * the case); the statuses themselves must agree.
 */
export function comparableSnapshot(snapshot: Record<string, unknown>): Record<string, unknown> {
  const { lease: _lease, fence: _fence, 'lease-token': _token, ...rest } = snapshot;
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/"asOf":"[^"]*"/, '"asOf":"-"') : value]));
}

/** The keys two comparable snapshots disagree on, each with both values (the first few). */
export function snapshotDifferences(live: Record<string, unknown>, rebuilt: Record<string, unknown>, shown = 5): Array<[string, unknown, unknown]> {
  const keys = Object.keys({ ...live, ...rebuilt }).filter((key) => JSON.stringify(live[key]) !== JSON.stringify(rebuilt[key]));
  return keys.slice(0, shown).map((key) => [key, live[key], rebuilt[key]]);
}
