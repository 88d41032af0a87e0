/**
 * Reports benchmark over the generator's bench profile (100,000 cases, about 1.3 million events, two
 * years to 30 June 2025, four areas). Load the data once:
 *   node -r @swc-node/register apps/generator/src/main.ts --profile bench --to-store --data-dir /tmp/cj-bench-data
 * then run
 *   npm run bench:reports -- [--data-dir=/tmp/cj-bench-data] [--requests=300] [--prefix=cjbench-kept --keep] [--no-as-of]
 * 1. Catch-up: the reporting projection replays the log from the start into a fresh Redis key prefix.
 * 2. Live reports of 12 months × all areas over HTTP, one request in flight, a mix of measures and
 *    breakdowns: as served (counter hashes kept until they change); as served while the last month's
 *    hashes move before every request (as records arriving move them); and computed cold in-process
 *    (a new reader each time, every hash read from Redis again): median, p90, p99 (target: p99 under 200 ms).
 *    Then the drill-down from a figure to its cases, for one area and a month, one area and the year,
 *    and all areas and the year.
 * 3. An as-of report of the year (July 2024 to June 2025), computed from the event store as the
 *    worker's job does (target: under 60 s).
 * Everything written to Redis is deleted at the end unless --keep.
 */
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { asOfReport, bucketsChangedKey, counterBucketsKey, countsChangedKey, keyPages, ProjectionRunner, REPORTING, ProjectionVersions, ReportingProjection, ReportingReader, ReportSnapshotStore } from '@case-journey/projections';
import { SHARED_MEASURES } from '@case-journey/reporting';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { benchOptions } from './bench-options';

const options = benchOptions({
  'data-dir': { type: 'string', default: '/tmp/cj-bench-data' },
  requests: { type: 'integer', default: 300 },
  prefix: { type: 'string', default: `cjbench-reports-${process.pid}` },
  keep: { type: 'boolean' },
  'no-as-of': { type: 'boolean' },
});
const DATA_DIR = options['data-dir'];
const REQUESTS = options.requests;
const KEEP = options.keep;
const AS_OF = !options['no-as-of'];
const NOW = new Date(BENCH_PROFILE.now);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const { prefix } = options;
const YEAR = Array.from({ length: 12 }, (_, i) => `${i < 6 ? 2024 : 2025}-${String(((i + 6) % 12) + 1).padStart(2, '0')}`);
const PERIOD = `${YEAR[0]}..${YEAR[11]}`;

/** Measures and breakdowns a board asks for: every measure, by its own dimensions and by the victim characteristics. */
const ASKED: Array<{ measure: string; groupBy: string }> = [
  { measure: 'code-compliance', groupBy: 'entitlement' },
  { measure: 'code-compliance', groupBy: 'area,month,entitlement' },
  { measure: 'code-compliance', groupBy: 'right,agency,rights,offence' },
  { measure: 'code-compliance', groupBy: 'ethnicity' },
  { measure: 'code-compliance', groupBy: 'month,ageBand' },
  { measure: 'timeliness', groupBy: 'interval,month' },
  { measure: 'file-quality', groupBy: 'area,fileKind' },
  { measure: 'trial-effectiveness', groupBy: 'party,reasonCode' },
  { measure: 'attrition', groupBy: 'stage,sex' },
  { measure: 'victim-contact', groupBy: 'entitlement,month' },
];

const percentile = (sorted: number[], share: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(1)} ms, p90 ${percentile(sorted, 0.9).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
};

async function main(): Promise<void> {
  console.log(`Reports benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const store = SqliteEventStore.open({ dataDirectory: DATA_DIR });
  const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  if (!head) throw new Error(`No events in ${DATA_DIR}: load the bench profile first (see the top of this file)`);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const versions = new ProjectionVersions(redis, prefix);
  const calendar = new WorkingDayCalendar();
  try {
    const seconds = await catchUp(store, versions, calendar, head.position);
    console.log(`Catch-up of the reporting projection: ${Number(head.position).toLocaleString('en-GB')} events in ${seconds.toFixed(1)} s = ${Math.round(Number(head.position) / seconds).toLocaleString('en-GB')} events/s (load ${loadavg()[0].toFixed(2)})`);

    const issuer = await TestIssuer.start();
    const api = await createApi(loadConfiguration({ REDIS_KEY_PREFIX: prefix, REDIS_URL, RATE_LIMIT_PER_MINUTE: '100000000', ...issuer.environment }), { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock: { now: () => NOW } });
    const authorization = `Bearer ${await issuer.token({ subject: 'bench.board', roles: ['board'], areas: BENCH_PROFILE.areas.map((area) => area.name) }, { expiresIn: 6 * 3600 })}`;
    await api.listen(0, '127.0.0.1');
    const port = (api.getHttpServer().address() as AddressInfo).port;
    const paths = Array.from({ length: REQUESTS }, (_, i) => ASKED[i % ASKED.length]).map(({ measure, groupBy }) => `/reports/${measure}?period=${PERIOD}&groupBy=${groupBy}`);
    const get = async (path: string, token?: string) => {
      const begun = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: token ? `Bearer ${token}` : authorization } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return performance.now() - begun;
    };
    for (const path of paths.slice(0, 20)) await get(path);
    const served: number[] = [];
    for (const path of paths) served.push(await get(path));
    console.log(`Live reports, 12 months × all four areas over HTTP, ${REQUESTS} requests one at a time, as served: ${summary(served)} (load ${loadavg()[0].toFixed(2)})`);
    // As records arrive: before each request the last month's hashes are marked as moved (as a batch
    // of records of that month marks them), so each report reads and adds up those again.
    const keys = await versions.reading(REPORTING);
    const lastMonth = (await redis.smembers(counterBucketsKey(keys))).filter((suffix) => suffix.endsWith(`:${YEAR[11]}`));
    const arriving: number[] = [];
    for (const path of paths) {
      const mark = `bench-${performance.now()}`;
      await redis.pipeline().set(countsChangedKey(keys), mark).hset(bucketsChangedKey(keys), ...lastMonth.flatMap((suffix) => [suffix, mark])).exec();
      arriving.push(await get(path));
    }
    console.log(`Live reports as above, the last month's ${lastMonth.length} hashes moved before each request: ${summary(arriving)} (load ${loadavg()[0].toFixed(2)})`);
    await drillDown(get, await issuer.token({ subject: 'bench.officer', roles: ['case-progression'], agency: 'Police', areas: BENCH_PROFILE.areas.map((area) => area.name) }, { expiresIn: 6 * 3600 }));
    await api.close();
    await issuer.stop();

    const computed: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const { measure, groupBy } = ASKED[i % ASKED.length];
      const begun = performance.now();
      // A reader of its own each time: nothing kept, every counter hash read and added up again.
      const cold = new ReportingReader(redis, versions, new ReportSnapshotStore(redis, prefix), SHARED_MEASURES, 0);
      await cold.live({ measure, groupBy: groupBy.split(','), months: YEAR }, NOW);
      computed.push(performance.now() - begun);
    }
    console.log(`Live reports computed cold in-process (every counter hash read again): ${summary(computed)} (load ${loadavg()[0].toFixed(2)})`);

    if (AS_OF) await asOfYear(calendar);
  } finally {
    if (!KEEP) for await (const keys of keyPages(redis, `${prefix}*`, 10_000)) await redis.unlink(...keys);
    redis.disconnect();
    await store.close().catch(() => undefined);
  }
}

/**
 * From a figure to the cases behind it (`GET /reports/code-compliance/cases`), as a case progression
 * officer of every area follows one: a right by agency, a month's enhanced rights, over one area or
 * all four, for one month or the year. Each request reads every case listed under the area and
 * months asked and works out its share, so the year of all areas is the worst case.
 */
async function drillDown(get: (path: string, token?: string) => Promise<number>, token: string): Promise<void> {
  const figures = ['filter=right:4,agency:Police', 'filter=entitlement:enhanced', 'filter=right:6,agency:CPS&column=breached&part=numerator'];
  const spans: Array<[string, string]> = [
    ['one area, one month', `area=${BENCH_PROFILE.areas[0].name}&period=${YEAR[11]}`],
    ['one area, the year', `area=${BENCH_PROFILE.areas[0].name}&period=${PERIOD}`],
    ['all four areas, the year', `period=${PERIOD}`],
  ];
  for (const [span, query] of spans) {
    const latencies: number[] = [];
    for (let i = 0; i < Math.max(12, Math.round(REQUESTS / 10)); i++) latencies.push(await get(`/reports/code-compliance/cases?${query}&${figures[i % figures.length]}&limit=50`, token));
    console.log(`Drill-down to the cases behind a figure, ${span}, ${latencies.length} requests one at a time: ${summary(latencies)} (load ${loadavg()[0].toFixed(2)})`);
  }
}

/** The as-of report of the year, as the worker's job computes it from the event store. */
async function asOfYear(calendar: WorkingDayCalendar): Promise<void> {
  // Closing the API closed the store it was given: the as-of job opens its own, as the worker has.
  const log = SqliteEventStore.open({ dataDirectory: DATA_DIR });
  const started = performance.now();
  let lastShown = 0;
  const report = await asOfReport(
    { measure: 'code-compliance', request: { groupBy: ['entitlement'], areas: null, months: YEAR, filters: {} }, asOf: NOW.toISOString() },
    {
      store: log,
      calendar,
      definitions: SHARED_MEASURES,
      onProgress: (progress) => {
        if (performance.now() - lastShown < 5000) return;
        lastShown = performance.now();
        console.log(`  … ${progress.phase}: ${progress.eventsRead.toLocaleString('en-GB')} events read, ${progress.casesCounted.toLocaleString('en-GB')} of ${progress.cases.toLocaleString('en-GB')} cases counted`);
      },
    },
  );
  await log.close();
  const total = report.total!.cells['met-on-time'];
  console.log(`As-of report of a year (${PERIOD}) from the event store: ${((performance.now() - started) / 1000).toFixed(1)} s, ${total.denominator!.toLocaleString('en-GB')} obligations due; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB (load ${loadavg()[0].toFixed(2)})`);
}

/** The reporting projection caught up from the start of the log, in seconds; the projection (and the cases it kept) let go after. */
async function catchUp(store: SqliteEventStore, versions: ProjectionVersions, calendar: WorkingDayCalendar, position: bigint): Promise<number> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const runner = new ProjectionRunner({ store, redis: connection, projection: new ReportingProjection({ store, calendar, snapshotWorkingDays: 5 }), keys: await versions.current('reporting'), clock: { now: () => NOW } });
  const started = performance.now();
  runner.start();
  await runner.reached(position);
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  connection.disconnect();
  return seconds;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
