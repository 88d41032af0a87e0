/**
 * A worker process for the crash test: runs the timeline and Victims' Code projections (version 1)
 * over a SQLite store, and says on stdout when it is in the middle of batch number
 * `MID_BATCH`, its changes computed and not yet committed, then dawdles there to be killed.
 *
 *   node -r @swc-node/register projection-worker.process.ts <data dir> <key prefix> <batch size> <now>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { ObligationsProjection } from '../obligations/obligations.projection';
import type { Projection } from '../runner/projection';
import { ProjectionKeys } from '../runner/projection-keys';
import { ProjectionRunner } from '../runner/projection-runner';
import { TimelineProjection } from '../timeline/timeline.projection';
import { TEST_REDIS_URL } from './redis-test-space';

const [dataDirectory, prefix, batchSize, now] = process.argv.slice(2);
const midBatch = Number(process.env.MID_BATCH ?? 3);
const store = SqliteEventStore.open({ dataDirectory, pollIntervalMs: 20 });
const clock = { now: () => new Date(now) };

function pausingAt(batchNumber: number, inner: Projection): Projection {
  let batches = 0;
  return {
    name: inner.name,
    prepare: inner.prepare?.bind(inner),
    apply: async (batch, context, prepared) => {
      const afterCommit = await inner.apply(batch, context, prepared);
      if (++batches === batchNumber) {
        process.stdout.write(`mid-batch ${context.through}\n`);
        await sleep(60_000);
      }
      return afterCommit;
    },
  };
}

for (const projection of [new TimelineProjection(), pausingAt(midBatch, new ObligationsProjection({ store }))]) {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  new ProjectionRunner({ store, redis, projection, keys: new ProjectionKeys(prefix, projection.name, 1), clock, batchSize: Number(batchSize) }).start();
}
