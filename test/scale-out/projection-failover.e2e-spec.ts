import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { loadConfiguration } from '@case-journey/platform';
import { OBLIGATIONS, ObligationsProjection, ProjectionKeys, ProjectionRunner, readCheckpoint, TIMELINE, TimelineProjection, type Projection } from '@case-journey/projections';
import { comparableSnapshot as comparable, readModelSnapshot, snapshotDifferences } from '../../libs/projections/src/testing/read-model-snapshot';
import { storeSyntheticCases } from '../../libs/projections/src/testing/synthetic-cases';
import { dropRedisKeys } from '../e2e/redis-keys';
import { startApp, type AppProcess } from './worker-processes';

const LEASE_MS = 2000;
/** Beyond the lease time, what a new owner needs to read its checkpoint, subscribe and commit its first batch on a loaded 2-core machine. */
const FIRST_COMMIT_MS = 1500;
/** A standby looks every quarter of the lease: its timer, on a loaded machine, fires late by up to this. */
const OWNER_SLACK_MS = 1000;
/** What a 2-core machine at load average 15 adds to one batch's commit (a 6 s stall was seen with no failover near it). */
const STARVED_CPU_MS = 6000;
const KILLS = 5;
/** The round whose owner is paused (SIGSTOP) past its lease and then woken (SIGCONT), instead of killed. */
const PAUSED_ROUND = 2;

/**
 * Issue 14's done-when for projection ownership: three worker processes on one event store and one
 * Redis; the holder of a projection's lease is killed (SIGKILL) again and again while events flow.
 */
describe('three worker processes, the lease holder killed again and again while events flow', () => {
  const prefix = `cj-failover-${process.pid}`;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-failover-'));
  const redis = new Redis(loadConfiguration({}).redisUrl);
  const environment = { DATA_DIR: dataDirectory, REDIS_KEY_PREFIX: prefix, PROJECTION_LEASE_MS: String(LEASE_MS), WORKER_METRICS_PORT: '0', EVENT_STORE: 'embedded' };
  const workers = new Map<number, AppProcess>();
  let store: SqliteEventStore;
  // The writer and the watcher run until the test ends, however it ends.
  let flowing = false;
  let watching = false;
  const stopFlow = () => void (flowing = watching = false);

  const startWorker = () => {
    const worker = startApp('worker', environment);
    workers.set(worker.pid, worker);
    return worker;
  };
  const holderOf = async (projection: string): Promise<number | undefined> => {
    const lease = await redis.get(new ProjectionKeys(prefix, projection, 1).key('lease'));
    return lease === null ? undefined : Number(lease.split('/')[1]);
  };
  const head = async () => (await store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.position ?? 0n;
  const caughtUp = async (end: bigint, limitMs: number) => {
    for (const projection of [TIMELINE, OBLIGATIONS]) {
      for (const deadline = Date.now() + limitMs; (await readCheckpoint(redis, new ProjectionKeys(prefix, projection, 1))) !== end; await sleep(50)) {
        if (Date.now() > deadline) throw new Error(`${projection} did not reach ${end}`);
      }
    }
  };

  beforeAll(() => {
    store = SqliteEventStore.open({ dataDirectory, pollIntervalMs: 10 });
  });
  afterAll(async () => {
    stopFlow();
    await Promise.all([...workers.values()].map((worker) => worker.kill()));
    await store.close();
    redis.disconnect();
    await dropRedisKeys(prefix);
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('ends with read models equal to a rebuild, and no projection without a live owner for longer than the lease time', async () => {
    await storeSyntheticCases(store, 30, 1);
    for (let i = 0; i < 3; i++) startWorker();
    await Promise.all([...workers.values()].map((worker) => worker.said(/case-journey worker running/)));
    await caughtUp(await head(), 60_000); // the first catch-up is not a failover

    // Events flow: a few cases every 250 ms, each batch of cases a seed of its own.
    flowing = true;
    let seed = 100;
    const writer = (async () => {
      while (flowing) {
        await storeSyntheticCases(store, 3, seed++);
        await sleep(250);
      }
    })();

    // Watch each projection: how long it goes without a live owner (the lease's promise), and how
    // long behind the log without moving (which a starved CPU stretches too; reported, and bounded loosely).
    const frozen = new Set<number>();
    const ownerless = { [TIMELINE]: 0, [OBLIGATIONS]: 0 };
    const stalls = { [TIMELINE]: 0, [OBLIGATIONS]: 0 };
    const gaps: string[] = [];
    const kills: string[] = [];
    watching = true;
    const watcher = (async () => {
      const moved: Record<string, { at: number; checkpoint?: bigint }> = { [TIMELINE]: { at: Date.now() }, [OBLIGATIONS]: { at: Date.now() } };
      const owned: Record<string, number> = { [TIMELINE]: Date.now(), [OBLIGATIONS]: Date.now() };
      while (watching) {
        const end = await head();
        for (const projection of [TIMELINE, OBLIGATIONS] as const) {
          const checkpoint = await readCheckpoint(redis, new ProjectionKeys(prefix, projection, 1));
          const last = moved[projection];
          if (checkpoint !== last.checkpoint || checkpoint === end) moved[projection] = { at: Date.now(), checkpoint };
          if (Date.now() - moved[projection].at > stalls[projection]) gaps.push(`${projection} ${new Date(moved[projection].at).toISOString()} +${Date.now() - moved[projection].at} at ${moved[projection].checkpoint} of ${end}`);
          stalls[projection] = Math.max(stalls[projection], Date.now() - moved[projection].at);
          const holder = await holderOf(projection);
          if (holder !== undefined && workers.has(holder) && !frozen.has(holder)) owned[projection] = Date.now();
          ownerless[projection] = Math.max(ownerless[projection], Date.now() - owned[projection]);
        }
        await sleep(50);
      }
    })();

    const killed: number[] = [];
    const paused: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const projection = kill % 2 === 0 ? OBLIGATIONS : TIMELINE;
      let holder: number | undefined;
      for (const deadline = Date.now() + 20_000; !(holder = await holderOf(projection)) || !workers.has(holder); await sleep(50)) {
        if (Date.now() > deadline) {
          flowing = watching = false;
          throw new Error(`No live worker took the ${projection} lease after killing ${killed.join(', ')} (lease: ${holder}; workers ${[...workers.keys()].join(', ')}):\n${[...workers.values()].map((worker) => `--- ${worker.pid}\n${worker.output().slice(-2500)}`).join('\n')}`);
        }
      }
      await sleep(500); // let it commit a few batches as the owner
      const owner = workers.get(holder)!;
      if (kill === PAUSED_ROUND) {
        // Paused, not dead: another worker takes the lease; woken, the old owner must not write.
        kills.push(`${new Date().toISOString()} paused ${holder} holding ${projection}`);
        frozen.add(holder);
        owner.signal('SIGSTOP');
        for (const deadline = Date.now() + 20_000; (await holderOf(projection)) === holder; await sleep(50)) {
          if (Date.now() > deadline) throw new Error(`Nobody took the ${projection} lease from the paused ${holder}`);
        }
        await sleep(FIRST_COMMIT_MS);
        owner.signal('SIGCONT');
        frozen.delete(holder);
        await owner.said(/lease lost/);
        paused.push(holder); // alive again, a standby like the others
        continue;
      }
      kills.push(`${new Date().toISOString()} killed ${holder} holding ${projection}`);
      frozen.add(holder);
      await owner.kill('SIGKILL');
      killed.push(holder);
      workers.delete(holder);
      // Three again, the newcomer a standby until another owner dies (starting takes a while on a loaded machine).
      await startWorker().said(/case-journey worker running/);
    }
    flowing = false;
    await writer;

    // Every event of the log reaches both projections.
    const end = await head();
    await caughtUp(end, 30_000);
    watching = false;
    await watcher;

    // A rebuild, beside the live version (v2) in this process, from the same log.
    const rebuild = async (projection: Projection) => {
      const connection = new Redis(loadConfiguration({}).redisUrl, { maxRetriesPerRequest: null });
      const runner = new ProjectionRunner({ store, redis: connection, projection, keys: new ProjectionKeys(prefix, projection.name, 2), clock: { now: () => new Date() } });
      runner.start();
      await runner.reached(end);
      await runner.stop();
      connection.disconnect();
    };
    await rebuild(new TimelineProjection());
    await rebuild(new ObligationsProjection({ store }));
    for (const projection of [TIMELINE, OBLIGATIONS]) {
      const live = comparable(await readModelSnapshot(redis, new ProjectionKeys(prefix, projection, 1)));
      const rebuilt = comparable(await readModelSnapshot(redis, new ProjectionKeys(prefix, projection, 2)));
      expect(Object.keys(rebuilt).length).toBeGreaterThan(30);
      expect({ projection, differing: snapshotDifferences(live, rebuilt) }).toEqual({ projection, differing: [] });
    }
    expect(killed).toHaveLength(KILLS - 1);
    expect(paused).toHaveLength(1);
    expect(workers.size).toBe(3);
    if (Math.max(...Object.values(stalls)) > LEASE_MS + FIRST_COMMIT_MS) {
      process.stdout.write(`${kills.join('\n')}\n${gaps.slice(-8).join('\n')}\n${[...workers.values()].map((worker) => worker.output().split('\n').filter((line) => /lease|Projection/.test(line)).join('\n')).join('\n')}\n`);
    }
    process.stdout.write(`With ${KILLS} owners killed or paused, longest without a live owner: ${JSON.stringify(ownerless)} ms; longest behind without progress: ${JSON.stringify(stalls)} ms (lease ${LEASE_MS} ms)\n`);
    expect(ownerless[TIMELINE]).toBeLessThanOrEqual(LEASE_MS + OWNER_SLACK_MS);
    expect(ownerless[OBLIGATIONS]).toBeLessThanOrEqual(LEASE_MS + OWNER_SLACK_MS);
    expect(Math.max(stalls[TIMELINE], stalls[OBLIGATIONS])).toBeLessThanOrEqual(LEASE_MS + FIRST_COMMIT_MS + STARVED_CPU_MS);
  }, 600_000); // mostly the workers' start-up (each replacement is awaited): 30 s or more apiece on a loaded 2-core machine
});
