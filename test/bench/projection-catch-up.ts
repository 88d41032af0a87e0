import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import type { SqliteEventStore } from '@case-journey/event-store';
import { ProjectionRunner, ProjectionVersions, type Projection } from '@case-journey/projections';
import type { Clock } from '@case-journey/platform';

/** The bytes a Redis server holds now (INFO memory's used_memory). */
export async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
}

/** Runs a projection from where its current version stands until it has read `through`, and says how long that took. */
export async function timeCatchUp(options: { store: SqliteEventStore; redisUrl: string; prefix: string; projection: Projection; clock: Clock; through: bigint }): Promise<{ seconds: number }> {
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  try {
    const keys = await new ProjectionVersions(connection, options.prefix).current(options.projection.name);
    const runner = new ProjectionRunner({ store: options.store, redis: connection, projection: options.projection, keys, clock: options.clock });
    const started = performance.now();
    runner.start();
    await runner.reached(options.through);
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    return { seconds };
  } finally {
    connection.disconnect();
  }
}
