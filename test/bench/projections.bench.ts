/**
 * Projections benchmark over the generator's bench profile (100,000 cases, about 1.3 million events).
 * Load the data once (about two minutes):
 *   node -r @swc-node/register apps/generator/src/main.ts --profile bench --to-store --data-dir /tmp/cj-bench-data
 * then run
 *   node -r @swc-node/register test/bench/projections.bench.ts [--data-dir=/tmp/cj-bench-data] [--events=N]
 *     [--requests=2000] [--concurrency=1,8,16] [--prefix=cjbench-kept --keep]
 * 1. Catch-up: each projection replays the log from the start into a fresh Redis key prefix, as a
 *    rebuild does, judged at the profile's clock (30 June 2025, so deadline jobs are scheduled too).
 * 2. Queries: the API, in this process, answers timeline, worklist and compliance requests mixed
 *    together, sent from a worker thread 1, 8 and 16 at a time (`--concurrency`) over keep-alive HTTP; latency is per request, end to end.
 * Everything written to Redis is deleted at the end unless --keep.
 */
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import {
  bullConnection,
  bullPrefix,
  DeadlineQueue,
  JobQueues,
  keyPages,
  ObligationsProjection,
  TimelineProjection,
  type Projection,
} from '@case-journey/projections';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { timeCatchUp, usedMemory } from './projection-catch-up';
import { createApi } from '../../apps/api/src/create-api';
import { benchOptions } from './bench-options';

const options = benchOptions({
  'data-dir': { type: 'string', default: '/tmp/cj-bench-data' },
  events: { type: 'integer' },
  requests: { type: 'integer', default: 2000 },
  concurrency: { type: 'string', default: '1,8,16' },
  prefix: { type: 'string', default: `cjbench-${process.pid}` },
  keep: { type: 'boolean' },
});
const DATA_DIR = options['data-dir'];
const REQUESTS = options.requests;
const CONCURRENCIES = options.concurrency.split(',').map(Number);
const KEEP = options.keep;
const NOW = new Date(BENCH_PROFILE.now);
const clock = { now: () => NOW };
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Reusing a kept prefix (`--prefix=… --keep`) skips the catch-up, which then has nothing left to do. */
const { prefix } = options;

async function catchUp(store: SqliteEventStore, projection: Projection, prefix: string, through: bigint, events: number, redis: Redis) {
  const memoryBefore = await usedMemory(redis);
  const { seconds } = await timeCatchUp({ store, redisUrl: REDIS_URL, prefix, projection, clock, through });
  const memory = (await usedMemory(redis)) - memoryBefore;
  console.log(
    `  ${projection.name.padEnd(12)} ${events.toLocaleString('en-GB')} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds).toLocaleString('en-GB')} events/s; Redis +${(memory / 2 ** 20).toFixed(0)} MiB`,
  );
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function sampleCaseIds(store: SqliteEventStore, through: bigint, count: number): Promise<string[]> {
  const ids = new Set<string>();
  while (ids.size < count) {
    const [event] = await store.readAll({ after: BigInt(Math.floor(Math.random() * Number(through))), maxCount: 1 });
    if (event?.streamId.startsWith('case-')) ids.add(event.streamId.slice('case-'.length));
  }
  return [...ids];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();

/**
 * The load generator, in a worker thread so that the API's event loop is its own: keep-alive
 * HTTP, `concurrency` requests in flight, a warm-up round first, latency per request.
 */
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { performance } = require('node:perf_hooks');
const { port, plan, concurrency, authorization } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const get = (path) => new Promise((resolve, reject) => {
  const started = performance.now();
  request({ host: '127.0.0.1', port, path, agent, headers: { authorization } }, (response) => {
    response.resume();
    response.on('end', () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(path + ': ' + response.statusCode))));
  }).on('error', reject).end();
});
(async () => {
  for (const { path } of plan.slice(0, 200)) await get(path);
  const latencies = {};
  const queue = [...plan];
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let next = queue.pop(); next; next = queue.pop()) (latencies[next.kind] ??= []).push(await get(next.path));
  }));
  parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000 });
  agent.destroy();
})().catch((error) => { throw error; });
`;

function loadFromAnotherThread(port: number, plan: Array<{ kind: string; path: string }>, concurrency: number, authorization: string): Promise<{ latencies: Record<string, number[]>; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { port, plan, concurrency, authorization } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  console.log(`Projections benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const store = SqliteEventStore.open({ dataDirectory: DATA_DIR });
  const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  if (!head) throw new Error(`No events in ${DATA_DIR}: load the bench profile first (see the top of this file)`);
  const limit = options.events;
  const [last] = limit !== undefined ? await store.readAll({ after: BigInt(limit) - 1n, maxCount: 1 }) : [head];
  const through = last.position;
  const events = limit ?? Number(head.position);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = new JobQueues({ connection: bullConnection(REDIS_URL), prefix: bullPrefix(prefix) });

  try {
    console.log(`Catch-up from the start of ${DATA_DIR} (through position ${through}), judged at ${NOW.toISOString()}:`);
    await catchUp(store, new TimelineProjection(), prefix, through, events, redis);
    await catchUp(store, new ObligationsProjection({ store, deadlines: new DeadlineQueue(queues.deadlines) }), prefix, through, events, redis);
    console.log(`  deadline jobs scheduled: ${(await queues.deadlines.getJobCounts('delayed', 'waiting')).delayed.toLocaleString('en-GB')}`);

    // Signed in as an officer of every bench area who reads cases, worklists and figures; no rate limit in the way.
    const issuer = await TestIssuer.start();
    const api = await createApi(loadConfiguration({ REDIS_KEY_PREFIX: prefix, REDIS_URL, RATE_LIMIT_PER_MINUTE: '100000000', ...issuer.environment }), { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock });
    const authorization = `Bearer ${await issuer.token({ subject: 'bench.officer', roles: ['case-progression', 'witness-care', 'board'], agency: 'WCU', areas: BENCH_PROFILE.areas.map((area) => area.name) }, { expiresIn: 6 * 3600 })}`;
    await api.listen(0, '127.0.0.1');
    const port = (api.getHttpServer().address() as AddressInfo).port;
    const caseIds = await sampleCaseIds(store, through, 500);
    const areas = [...BENCH_PROFILE.areas.map((area) => area.name), undefined];
    const requests = (kind: string): string[] =>
      Array.from({ length: REQUESTS }, () => {
        if (kind === 'timeline') return `/cases/${pick(caseIds)}/timeline`;
        if (kind === 'worklist') {
          return `/worklists/witness-care?${query({ area: pick(areas), agency: pick(['WCU', 'WCU', 'Police', 'CPS', 'Probation']), status: pick([undefined, 'due-soon', 'breached', 'pending,due-soon']), offset: pick(['0', '0', '50', '200']), limit: '50' })}`;
        }
        return `/compliance?${query({ area: pick(areas), period: pick([undefined, '2024', '2025-Q1', '2024-06', '2024-01..2025-06']), groupBy: pick(['entitlement', 'area,entitlement', 'agency,rights', 'entitlement,offence', 'entitlement,ethnicity']) })}`;
      });
    const kinds = ['timeline', 'worklist', 'compliance'];
    const plan = kinds.flatMap((kind) => requests(kind).map((path) => ({ kind, path }))).sort(() => Math.random() - 0.5);
    for (const concurrency of CONCURRENCIES) {
      const { latencies, seconds } = await loadFromAnotherThread(port, plan, concurrency, authorization);
      console.log(`Queries, ${REQUESTS.toLocaleString('en-GB')} of each kind mixed, ${concurrency} in flight from another thread: ${Math.round(plan.length / seconds)} requests/s`);
      for (const kind of kinds) {
        const sorted = latencies[kind].sort((a, b) => a - b);
        console.log(`  ${kind.padEnd(11)} median ${percentile(sorted, 0.5).toFixed(1)} ms, p90 ${percentile(sorted, 0.9).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
      }
    }
    await api.close();
    await issuer.stop();
  } finally {
    if (!KEEP) {
      await queues.deadlines.obliterate({ force: true });
      for await (const keys of keyPages(redis, `${prefix}*`, 10_000)) await redis.unlink(...keys);
    }
    await queues.close();
    redis.disconnect();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
