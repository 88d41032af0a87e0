import type { Redis } from 'ioredis';
import type { EventStore } from '@case-journey/event-store';
import type { ProjectionKeys } from './projection-keys';
import type { ProjectionVersions } from './projection-versions';

export async function readCheckpoint(redis: Redis, keys: ProjectionKeys): Promise<bigint | undefined> {
  const stored = await redis.get(keys.checkpoint);
  return stored === null ? undefined : BigInt(stored);
}

/** How far one projection version trails the log. */
export interface ProjectionLag {
  projection: string;
  version: number;
  checkpoint: string | null;
  eventsApplied: number;
  /** Events stored after the checkpoint, counted up to `countLimit` (then `eventsAtLeast` is true). */
  events: number;
  eventsAtLeast: boolean;
  /** Between when the last applied event and the log's last event were stored; 0 when caught up. */
  seconds: number;
}

/** Reads the lag of a projection version against the store; counting stops at `countLimit` events. */
export async function lagOf(redis: Redis, store: EventStore, keys: ProjectionKeys, countLimit = 1000): Promise<ProjectionLag> {
  const [checkpoint, progress, [head]] = await Promise.all([
    readCheckpoint(redis, keys),
    redis.hgetall(keys.progress),
    store.readAll({ direction: 'backwards', maxCount: 1 }),
  ]);
  const behind = head !== undefined && (checkpoint === undefined || head.position > checkpoint);
  const pending = behind ? await store.readAll({ after: checkpoint, maxCount: countLimit }) : [];
  const lastApplied = Number(progress.lastEventStoredAt ?? 0);
  return {
    projection: keys.projection,
    version: keys.version,
    checkpoint: checkpoint?.toString() ?? null,
    eventsApplied: Number(progress.events ?? 0),
    events: pending.length,
    eventsAtLeast: pending.length >= countLimit,
    seconds: behind ? Math.max(0, (head.created.getTime() - (lastApplied || pending[0].created.getTime())) / 1000) : 0,
  };
}

/** The lag of the version readers use, for each named projection. */
export function readingLags(redis: Redis, store: EventStore, versions: ProjectionVersions, names: readonly string[]): Promise<ProjectionLag[]> {
  return Promise.all(names.map(async (name) => lagOf(redis, store, await versions.reading(name))));
}
