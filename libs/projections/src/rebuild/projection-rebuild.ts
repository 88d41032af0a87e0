import type { Redis } from 'ioredis';
import type { EventStore } from '@case-journey/event-store';
import type { Clock } from '@case-journey/platform';
import type { Projection } from '../runner/projection';
import type { ProjectionKeys } from '../runner/projection-keys';
import type { ProjectionRunner } from '../runner/projection-runner';
import type { ProjectionVersions } from '../runner/projection-versions';

export const REBUILD_PHASES = ['catching-up', 'catching-up-with-time', 'switching', 'dropping-old-version', 'done'] as const;
export type RebuildPhase = (typeof REBUILD_PHASES)[number];

export interface RebuildProgress {
  projection: string;
  phase: RebuildPhase;
  fromVersion: number;
  toVersion: number;
  /** The new version's checkpoint and the log's end, as positions. */
  position: string | null;
  head: string | null;
}

export interface RebuildResult {
  projection: string;
  fromVersion: number;
  toVersion: number;
  keysDropped: number;
}

export interface RebuildOptions {
  projection: Projection;
  store: EventStore;
  versions: ProjectionVersions;
  /** A connection of the rebuild's own. */
  redis: Redis;
  clock: Clock;
  /** A runner for the new version, not started: it becomes the live runner after the switch. */
  runnerFor: (keys: ProjectionKeys) => ProjectionRunner;
  /** Makes the new version's runner the live one and stops the old version's. */
  handOver: (runner: ProjectionRunner) => Promise<void>;
  onProgress?: (progress: RebuildProgress) => void | Promise<void>;
}

/**
 * Blue/green rebuild: replays the whole log into the next version of the projection's keys beside
 * the live one, then, once it has caught up with the log (and with time), points readers at it,
 * hands it the live runner's job and drops the old version's keys.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection, store, versions, redis, clock, runnerFor, handOver, onProgress } = options;
  const from = await versions.current(projection.name);
  const to = from.at(from.version + 1);
  const report = async (phase: RebuildPhase, head: bigint | undefined) =>
    onProgress?.({ projection: projection.name, phase, fromVersion: from.version, toVersion: to.version, position: runner.position?.toString() ?? null, head: head?.toString() ?? null });

  await versions.drop(to); // what an interrupted rebuild left
  const runner = runnerFor(to);
  runner.start();
  try {
    for (let head = await headOf(store); head !== undefined && (runner.position ?? -1n) < head; head = await headOf(store)) {
      await report('catching-up', head);
      await reachedOrAWhile(runner, head, 1000);
    }
    await report('catching-up-with-time', await headOf(store));
    await projection.catchUpWithTime?.(redis, to, clock.now());
  } catch (error) {
    await runner.stop();
    throw error;
  }
  await report('switching', await headOf(store));
  await versions.switchTo(to);
  await handOver(runner);
  await report('dropping-old-version', await headOf(store));
  await versions.readersFollowed();
  const keysDropped = await versions.drop(from);
  await report('done', await headOf(store));
  return { projection: projection.name, fromVersion: from.version, toVersion: to.version, keysDropped };
}

async function headOf(store: EventStore): Promise<bigint | undefined> {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return last?.position;
}

/** Waits until the runner reaches `position`, or `ms` passes (to report progress meanwhile). */
async function reachedOrAWhile(runner: ProjectionRunner, position: bigint, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([runner.reached(position), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
