/**
 * National sizing in simulation (issue 14, item 7): load the generator's bench profile, scaled to
 * `--events` (10 million by default), into a fresh embedded store, then rebuild each projection
 * from scratch into a private Redis and measure what it costs:
 *   npm run bench:scale -- [--events=10000000] [--redis-port=47010] [--data-dir=/tmp/…] [--keep-data]
 *                          [--reuse-store] [--only=timeline,obligations,reporting]
 * `--reuse-store` rebuilds from the store already in `--data-dir` (loaded by an earlier run with the
 * same `--events`) instead of generating it again, which takes most of an hour for 10 million events;
 * `--only` rebuilds only the projections named.
 * For each projection: the rebuild's time and rate, the worker's memory while it ran (heap and
 * resident set, at their peak), and the Redis memory it holds, per 100,000 cases. Then the store
 * on disk per million events, and the figures scaled to a national year (25 million events) and
 * backfill (20 million). On this shared 2-core machine 10 million events take hours to generate;
 * run a smaller `--events` and the script scales its figures linearly, saying so.
 *
 * The private redis-server (`--redis-port`, never the shared one) is flushed between projections
 * so each is measured alone, and stopped at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { loadConfiguration } from '@case-journey/platform';
import { ObligationsProjection, ReportingProjection, TimelineProjection, type Projection } from '@case-journey/projections';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { PrivateRedis } from '../e2e/private-redis';
import { timeCatchUp, usedMemory } from './projection-catch-up';

const argument = (name: string, fallback: string): string => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const EVENTS = Number(argument('events', '10000000'));
const REDIS_PORT = Number(argument('redis-port', '47010'));
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
/** The bench profile's events per case (1,293,289 events of 100,000 cases). */
const EVENTS_PER_CASE = 12.93;
const NATIONAL = { yearEvents: 25_000_000, backfillEvents: 20_000_000 };
const MiB = 2 ** 20;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const number = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Measured {
  projection: string;
  seconds: number;
  eventsPerSecond: number;
  peakHeapMiB: number;
  peakRssMiB: number;
  redisMiB: number;
}

/** Rebuilds one projection from the start of the log, sampling this process's memory meanwhile. */
async function rebuild(store: SqliteEventStore, redis: Redis, projection: Projection, through: bigint): Promise<Measured> {
  await redis.flushdb(); // the private server only
  global.gc?.();
  const baseline = process.memoryUsage();
  const redisBefore = await usedMemory(redis);
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 200);
  const { seconds } = await timeCatchUp({ store, redisUrl: REDIS_URL, prefix: 'cjscale', projection, clock: { now: () => new Date(BENCH_PROFILE.now) }, through });
  clearInterval(sampler);
  return {
    projection: projection.name,
    seconds,
    eventsPerSecond: Number(through) / seconds,
    peakHeapMiB: (peakHeap - baseline.heapUsed) / MiB,
    peakRssMiB: (peakRss - baseline.rss) / MiB,
    redisMiB: ((await usedMemory(redis)) - redisBefore) / MiB,
  };
}

function storeBytes(dataDirectory: string): number {
  return ['events.sqlite', 'events.sqlite-wal'].reduce((total, file) => {
    try {
      return total + statSync(join(dataDirectory, file)).size;
    } catch {
      return total;
    }
  }, 0);
}

async function main(): Promise<void> {
  const cases = Math.round(EVENTS / EVENTS_PER_CASE);
  console.log(`Scale benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load at the start ${load()}`);
  const dataDirectory = argument('data-dir', '') || mkdtempSync(join(tmpdir(), 'cj-scale-'));
  const redisServer = await PrivateRedis.start(REDIS_PORT);
  const redis = new Redis(REDIS_URL);
  try {
    const reused = process.argv.includes('--reuse-store') && existsSync(join(dataDirectory, 'events.sqlite'));
    const loadStarted = performance.now();
    if (!reused) {
      const generated = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/generator/src/main.ts', '--profile', 'bench', '--cases', String(cases), '--to-store', '--data-dir', dataDirectory], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (generated.status !== 0) throw new Error('the generator failed');
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const store = SqliteEventStore.open({ dataDirectory });
    const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const events = Number(head.position);
    const diskBytes = storeBytes(dataDirectory);
    if (reused) console.log(`Reused the store in ${dataDirectory}: ${number(events)} events of ${number(cases)} cases; store on disk ${number(diskBytes / MiB)} MiB`);
    else console.log(`Loaded ${number(events)} events of ${number(cases)} cases in ${number(loadSeconds)} s (${number(events / loadSeconds)} events/s, generator and sealing included); store on disk ${number(diskBytes / MiB)} MiB`);

    const only = argument('only', '').split(',').filter(Boolean);
    const projections = [new TimelineProjection(), new ObligationsProjection({ store }), new ReportingProjection({ store, snapshotWorkingDays: loadConfiguration({}).reportSnapshotWorkingDays })].filter(
      (projection) => only.length === 0 || only.includes(projection.name),
    );
    const measured: Measured[] = [];
    for (const projection of projections) {
      const result = await rebuild(store, redis, projection, head.position);
      measured.push(result);
      console.log(`  ${result.projection.padEnd(12)} rebuilt in ${number(result.seconds, 1)} s (${number(result.eventsPerSecond)} events/s); worker heap +${number(result.peakHeapMiB)} MiB, RSS +${number(result.peakRssMiB)} MiB at peak; Redis ${number(result.redisMiB, 1)} MiB; load ${load()}`);
    }
    await store.close();

    const scaleNote = events < 9_500_000 ? ` (measured on ${number(events)} events, not 10 million, and scaled linearly)` : '';
    const per100kCases = (mib: number) => (mib / cases) * 100_000;
    const perMillionEvents = (bytes: number) => (bytes / events) * 1e6;
    console.log(`\nPer 100,000 cases (${number(100_000 * EVENTS_PER_CASE)} events)${scaleNote}:`);
    console.table(
      measured.map((m) => ({
        projection: m.projection,
        'Redis MiB': number(per100kCases(m.redisMiB), 1),
        'rebuild s': number((100_000 * EVENTS_PER_CASE) / m.eventsPerSecond, 1),
        'worker heap MiB (peak)': number(m.peakHeapMiB),
      })),
    );
    console.log(`Event store on disk: ${number(perMillionEvents(diskBytes) / MiB)} MiB per million events (SQLite, with its indexes)`);

    const totalRedisPerCase = measured.reduce((total, m) => total + m.redisMiB, 0) / cases;
    const sizing = (label: string, eventsTotal: number) => {
      const casesTotal = eventsTotal / EVENTS_PER_CASE;
      const rebuildSeconds = measured.map((m) => eventsTotal / m.eventsPerSecond);
      return {
        what: label,
        cases: number(casesTotal),
        'Redis GiB': number((totalRedisPerCase * casesTotal) / 1024, 1),
        'store GiB': number((perMillionEvents(diskBytes) * eventsTotal) / 1e6 / 2 ** 30, 1),
        'rebuild h, one worker each, in parallel (slowest)': number(Math.max(...rebuildSeconds) / 3600, 1),
        'rebuild h, one after another': number(rebuildSeconds.reduce((a, b) => a + b, 0) / 3600, 1),
      };
    };
    console.log(`\nNational sizing${scaleNote}, at this machine's speed and load:`);
    console.table([
      sizing(`a year (${number(NATIONAL.yearEvents)} events)`, NATIONAL.yearEvents),
      sizing(`backfill (${number(NATIONAL.backfillEvents)} events)`, NATIONAL.backfillEvents),
      sizing('backfill + 5 years', NATIONAL.backfillEvents + 5 * NATIONAL.yearEvents),
    ]);
    console.log(`Live flow: a year's ${number(NATIONAL.yearEvents)} events are ${number(NATIONAL.yearEvents / (365 * 86_400), 2)} events/s on average; the slowest projection keeps up with ${number(Math.min(...measured.map((m) => m.eventsPerSecond)))} events/s here.`);
    console.log(`\nLoad at the end ${load()}`);
  } finally {
    redis.disconnect();
    await redisServer.dispose();
    if (!process.argv.includes('--keep-data') && !argument('data-dir', '')) rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
