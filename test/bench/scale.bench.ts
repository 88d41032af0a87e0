/**
 * National sizing in simulation (issue 14, item 7): load the generator's bench profile, scaled to
 * `--events` (10 million by default), into a fresh embedded store, then rebuild each projection
 * from scratch into a private Redis and measure what it costs:
 *   npm run bench:scale -- [--events=10000000] [--redis-port=47010] [--data-dir=/tmp/…] [--keep-data]
 *                          [--reuse-store] [--only=timeline,obligations,reporting] [--live-every=0]
 *                          [--history-events=200000]
 * `--reuse-store` rebuilds from the store already in `--data-dir` (loaded by an earlier run with the
 * same `--events`) instead of generating it again, which takes most of an hour for 10 million events;
 * `--only` rebuilds only the projections named.
 * The worker's heap is given twice: at its peak (heapUsed sampled every 200 ms, garbage included:
 * V8 lets the old generation grow to several times the live heap between full collections) and
 * live (heapUsed just after a forced full collection: what the rebuild keeps). By default the only
 * forced collections are before and after each rebuild, so the peak is the collector's own, as a
 * worker's is; `--live-every=5` also forces one every 5 s during the rebuild, which finds the
 * live heap's highest point but lowers the peak and adds their CPU. `--history-events` sets how
 * many events the obligations and reporting projections keep of the cases touched lately (their
 * default 200,000; 0 keeps none), to see how much of the live heap those histories are.
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
import { CaseHistories, ObligationsProjection, ReportingProjection, TimelineProjection, type Projection } from '@case-journey/projections';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { PrivateRedis } from '../e2e/private-redis';
import { timeCatchUp, usedMemory } from './projection-catch-up';
import { benchOptions } from './bench-options';

const options = benchOptions({
  events: { type: 'integer', default: 10_000_000 },
  'redis-port': { type: 'integer', default: 47010 },
  'data-dir': { type: 'string', default: '' },
  'keep-data': { type: 'boolean' },
  'reuse-store': { type: 'boolean' },
  only: { type: 'string', default: '' },
  'live-every': { type: 'number', default: 0 },
  'history-events': { type: 'integer' },
});
const EVENTS = options.events;
const REDIS_PORT = options['redis-port'];
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
/** The bench profile's events per case (1,293,289 events of 100,000 cases). */
const EVENTS_PER_CASE = 12.93;
const NATIONAL = { yearEvents: 25_000_000, backfillEvents: 20_000_000 };
const MiB = 2 ** 20;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const number = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const LIVE_EVERY_MS = options['live-every'] * 1000;
/** The events the obligations and reporting projections keep of the cases touched lately; undefined: their own default. */
const HISTORY_EVENTS = options['history-events'];

interface Measured {
  projection: string;
  seconds: number;
  eventsPerSecond: number;
  /** This process's CPU (user and system, the collector's threads included) per 1,000 events. */
  cpuMsPer1000Events: number;
  /** The live heap before the rebuild (what the process and earlier rebuilds' projections keep), which V8 sizes its heap on too. */
  baselineHeapMiB: number;
  /** The highest heapUsed seen, garbage included, over the baseline. */
  peakHeapMiB: number;
  /** The highest heapUsed just after a forced full collection (during the rebuild with `--live-every`, and after it): what the rebuild keeps, over the baseline. */
  liveHeapMiB: number;
  /** After the rebuild, the projection still held, before it is dropped: what a running worker keeps. */
  liveAtEndMiB: number;
  peakRssMiB: number;
  redisMiB: number;
  /** What the projection's case histories (bounded, `CaseHistories`) held at the end, if it has them. */
  histories?: { cases: number; events: number };
}

/** The obligations and reporting projections keep the events of the cases touched lately; the timeline keeps nothing. */
const historiesOf = (projection: Projection) => (projection as { histories?: { size: { cases: number; events: number } } }).histories?.size;

/** heapUsed after a full collection (needs `--expose-gc`, as `npm run bench:scale` gives). */
function liveHeap(): number {
  if (!global.gc) throw new Error('run with --expose-gc (npm run bench:scale does) to measure the live heap');
  global.gc();
  return process.memoryUsage().heapUsed;
}

/** Rebuilds one projection from the start of the log, sampling this process's memory meanwhile. */
async function rebuild(store: SqliteEventStore, redis: Redis, projection: Projection, through: bigint): Promise<Measured> {
  await redis.flushdb(); // the private server only
  const baselineHeap = liveHeap();
  const baseline = process.memoryUsage();
  const redisBefore = await usedMemory(redis);
  let peakHeap = baselineHeap;
  let peakLive = baselineHeap;
  let peakRss = baseline.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 200);
  // A forced full collection every few seconds if asked: the heap left is what the rebuild keeps, not the collector's slack.
  const liveSampler = LIVE_EVERY_MS > 0 ? setInterval(() => (peakLive = Math.max(peakLive, liveHeap())), LIVE_EVERY_MS) : undefined;
  const cpuBefore = process.cpuUsage();
  const { seconds } = await timeCatchUp({ store, redisUrl: REDIS_URL, prefix: 'cjscale', projection, clock: { now: () => new Date(BENCH_PROFILE.now) }, through });
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  clearInterval(liveSampler);
  const liveAtEnd = liveHeap();
  return {
    projection: projection.name,
    seconds,
    eventsPerSecond: Number(through) / seconds,
    cpuMsPer1000Events: (cpu.user + cpu.system) / Number(through),
    baselineHeapMiB: baselineHeap / MiB,
    peakHeapMiB: (peakHeap - baselineHeap) / MiB,
    liveHeapMiB: (Math.max(peakLive, liveAtEnd) - baselineHeap) / MiB,
    liveAtEndMiB: (liveAtEnd - baselineHeap) / MiB,
    peakRssMiB: (peakRss - baseline.rss) / MiB,
    redisMiB: ((await usedMemory(redis)) - redisBefore) / MiB,
    histories: historiesOf(projection),
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
  const dataDirectory = options['data-dir'] || mkdtempSync(join(tmpdir(), 'cj-scale-'));
  const redisServer = await PrivateRedis.start(REDIS_PORT);
  const redis = new Redis(REDIS_URL);
  try {
    const reused = options['reuse-store'] && existsSync(join(dataDirectory, 'events.sqlite'));
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

    const only = options.only.split(',').filter(Boolean);
    const projections = [
      new TimelineProjection(),
      new ObligationsProjection({ store, historyEvents: HISTORY_EVENTS }),
      new ReportingProjection({ store, snapshotWorkingDays: loadConfiguration({}).reportSnapshotWorkingDays, histories: new CaseHistories(HISTORY_EVENTS) }),
    ].filter(
      (projection) => only.length === 0 || only.includes(projection.name),
    );
    const measured: Measured[] = [];
    for (const projection of projections) {
      const result = await rebuild(store, redis, projection, head.position);
      measured.push(result);
      console.log(`  ${result.projection.padEnd(12)} rebuilt in ${number(result.seconds, 1)} s (${number(result.eventsPerSecond)} events/s, ${number(result.cpuMsPer1000Events)} ms of CPU per 1,000 events); worker heap, from ${number(result.baselineHeapMiB)} MiB live before: +${number(result.peakHeapMiB)} MiB at peak (garbage included), ${LIVE_EVERY_MS > 0 ? `+${number(result.liveHeapMiB)} MiB live at most (a full GC forced every ${LIVE_EVERY_MS / 1000} s), ` : ''}+${number(result.liveAtEndMiB)} MiB live at the end (after a full GC${result.histories ? `; its case histories hold ${number(result.histories.events)} events of ${number(result.histories.cases)} cases` : ''}); RSS +${number(result.peakRssMiB)} MiB at peak; Redis ${number(result.redisMiB, 1)} MiB; load ${load()}`);
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
        'worker heap MiB (live)': number(m.liveHeapMiB),
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
    if (!options['keep-data'] && !options['data-dir']) rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
