import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@case-journey/event-store';
import { ObligationsProjection, OBLIGATIONS } from './obligations/obligations.projection';
import type { Projection } from './runner/projection';
import { ProjectionKeys } from './runner/projection-keys';
import { readCheckpoint } from './runner/projection-progress';
import { ProjectionRunner } from './runner/projection-runner';
import { readModelSnapshot } from './testing/read-model-snapshot';
import { RedisTestSpace } from './testing/redis-test-space';
import { storeSyntheticCases } from './testing/synthetic-cases';
import { TimelineProjection, TIMELINE } from './timeline/timeline.projection';

const NOW = '2025-07-01T12:00:00.000Z';
const BATCH_SIZE = 40;

/** Starts the worker process and resolves with what it says once it is in the middle of a batch. */
function workerInTheMiddleOfABatch(dataDirectory: string, prefix: string) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'testing/projection-worker.process.ts'), dataDirectory, prefix, String(BATCH_SIZE), NOW], {
    cwd: join(__dirname, '../../..'),
    env: { ...process.env, MID_BATCH: '4' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const midBatch = new Promise<bigint>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /mid-batch (\d+)/.exec(output);
      if (match) resolve(BigInt(match[1]));
    });
    child.on('exit', (code, signal) => reject(new Error(`worker ended (${code ?? signal}) before reaching the middle of a batch`)));
  });
  const killed = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { midBatch, kill: async () => void (child.kill('SIGKILL'), await killed) };
}

describe('a worker killed in the middle of a batch', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'projections-crash-'));
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = SqliteEventStore.open({ dataDirectory, pollIntervalMs: 10 });
    await storeSyntheticCases(store, 60);
  });
  afterAll(async () => {
    await store.close();
    await space.dispose();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const runToTheEnd = async (projection: Projection, version: number) => {
    const runner = new ProjectionRunner({ store, redis: space.connection(), projection, keys: new ProjectionKeys(space.prefix, projection.name, version), clock: { now: () => new Date(NOW) }, batchSize: BATCH_SIZE });
    runner.start();
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await runner.reached(last.position);
    await runner.stop();
  };

  it('loses and double-counts nothing once restarted: its read models equal a rebuild from scratch', async () => {
    const worker = workerInTheMiddleOfABatch(dataDirectory, space.prefix);
    const batchEnd = await worker.midBatch;
    await worker.kill();

    const obligationsV1 = new ProjectionKeys(space.prefix, OBLIGATIONS, 1);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const checkpointAtKill = await readCheckpoint(redis, obligationsV1);
    expect(checkpointAtKill).toBeDefined();
    expect(checkpointAtKill!).toBeLessThan(batchEnd); // the batch in flight was not committed
    expect(batchEnd).toBeLessThan(last.position);

    for (const version of [1, 2]) {
      await runToTheEnd(new TimelineProjection(), version);
      await runToTheEnd(new ObligationsProjection({ store }), version);
    }
    for (const projection of [OBLIGATIONS, TIMELINE]) {
      const restarted = await readModelSnapshot(redis, new ProjectionKeys(space.prefix, projection, 1));
      const rebuilt = await readModelSnapshot(redis, new ProjectionKeys(space.prefix, projection, 2));
      expect(Object.keys(restarted).length).toBeGreaterThanOrEqual(60);
      expect(restarted).toEqual(rebuilt);
    }
  });
});
