/**
 * The product against a bare NestJS 11 app, side by side in one run (issue 14, item 5): on a shared
 * machine only ratios taken in the same run mean anything.
 *   npm run bench:compare -- [--cases=2000] [--duration=8] [--connections=16] [--redis-port=47001] [--keep-data] [--tail-only] [--event-loop] [--api-node-flags=--flag,--flag]
 * It
 * 1. starts a private redis-server on `--redis-port` (never the shared one) and loads `--cases`
 *    cases of the generator's bench profile into a fresh embedded store under /tmp;
 * 2. catches the timeline and Victims' Code projections up from the start, as a rebuild does,
 *    and prints events/s beside what the store delivers reading `$all`;
 * 3. runs the product's API as `npm run api` does (apps/api/src/main.ts, one process) and the baseline (test/bench/baseline) as processes of
 *    their own and drives each in turn with autocannon, `--connections` in flight for `--duration`
 *    seconds: writes (a `VictimInformed` contact on one of 64 cases), timeline, worklist and
 *    compliance reads. The baseline answers each read with the product's own answer, stored in
 *    one hash, so both send the same bytes;
 * 4. restarts the product with API_PROCESSES=2 (the API's own cluster) and reads at 64 in flight (p99);
 * 5. writes one at a time to cases of 50 and of 1,000 events: the cost of a write against the
 *    length of its case.
 * Every figure is printed with the load average before and after.
 * `--tail-only` runs steps 1, 2 and 4 alone. `--event-loop` preloads test/bench/event-loop-preload.ts
 * into the API and prints, per API process and per read of step 4, its event-loop delay's
 * percentiles, its garbage collections' pauses and its CPU over the measured run.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { bullConnection, bullPrefix, DeadlineQueue, JobQueues, ObligationsProjection, TimelineProjection, type Projection } from '@case-journey/projections';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { CRIME_REPORT_EXAMPLE } from '../../apps/api/src/cases/dto/examples';
import { PrivateRedis } from '../e2e/private-redis';
import { benchReads, contact, DEPLOYED_LOG_LEVEL, primeBaseline, sampleCaseIds, startServer, stopServer } from './bench-servers';
import { timeCatchUp } from './projection-catch-up';
import { benchOptions } from './bench-options';

const options = benchOptions({
  cases: { type: 'integer', default: 2000 },
  duration: { type: 'number', default: 8 },
  connections: { type: 'integer', default: 16 },
  'redis-port': { type: 'integer', default: 47001 },
  'keep-data': { type: 'boolean' },
  'tail-only': { type: 'boolean' },
  'event-loop': { type: 'boolean' },
  'api-node-flags': { type: 'string', default: '' },
});
const CASES = options.cases;
const DURATION = options.duration;
const CONNECTIONS = options.connections;
const REDIS_PORT = options['redis-port'];
const PRODUCT_PORT = REDIS_PORT + 1;
const BASELINE_PORT = REDIS_PORT + 2;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
const TAIL_ONLY = options['tail-only'];
const EVENT_LOOP = options['event-loop'];
/** `--api-node-flags=a,b`: Node/V8 flags for the API's processes (a cluster's members inherit them), e.g. `--max-semi-space-size=64`, to see what they do to the tail. */
const API_NODE_FLAGS = options['api-node-flags'].split(',').filter(Boolean);
const PREFIX = 'cjcompare';
const AREA = BENCH_PROFILE.areas[0].name;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const round = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  failures: number;
}

async function hammer(options: { url: string; connections: number; duration?: number; amount?: number; requests: autocannon.Request[] }): Promise<Run> {
  const result = await autocannon({ ...options, ...(options.amount ? { amount: options.amount } : { duration: options.duration }), pipelining: 1 });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, failures: result.non2xx + result.errors + result.timeouts };
}

/** Starts a server as `npm run api` does and waits until `ready` answers. */
async function catchUp(store: SqliteEventStore, projection: Projection, through: bigint): Promise<number> {
  const { seconds } = await timeCatchUp({ store, redisUrl: REDIS_URL, prefix: PREFIX, projection, clock: { now: () => new Date(BENCH_PROFILE.now) }, through });
  return Number(through) / seconds;
}

async function storeReadRate(store: SqliteEventStore, through: bigint): Promise<number> {
  const started = performance.now();
  for (let after: bigint | undefined; ; ) {
    const page = await store.readAll({ after, maxCount: 1000 });
    if (page.length === 0 || page[page.length - 1].position >= through) break;
    after = page[page.length - 1].position;
  }
  return Number(through) / ((performance.now() - started) / 1000);
}

const json = { 'content-type': 'application/json' };

interface EventLoopWindow {
  pid: number;
  seconds: number;
  cpuMs: number;
  delayMs: { p50: number; p90: number; p99: number; max: number };
  gc: Record<string, { count: number; totalMs: number; longestMs: number }>;
  heapUsedMb: number;
  sqliteWrites: { count: number; totalMs: number; longestMs: number; threw: number; busy?: number };
}

/** Tells every process that loaded event-loop-preload.ts to start or stop watching (see that file). */
function toggleWatch(directory: string): void {
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.pid'))) {
    try {
      process.kill(Number(file.slice(0, -'.pid'.length)), 'SIGWINCH');
    } catch {
      // a process that ended (a replaced cluster member) has nothing to tell
    }
  }
}

/** Runs `measured` with every API process watched; returns one row per process that served requests. */
async function watchEventLoops(directory: string, measured: () => Promise<Run>): Promise<{ run: Run; windows: EventLoopWindow[] }> {
  const before = new Set(readdirSync(directory));
  toggleWatch(directory);
  const run = await measured();
  toggleWatch(directory);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const windows = readdirSync(directory)
    .filter((name) => name.endsWith('.json') && !before.has(name))
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as EventLoopWindow);
  return { run, windows };
}

function eventLoopRow(read: string, window: EventLoopWindow): Record<string, string> {
  const gc = (kinds: string[]) => kinds.map((kind) => window.gc[kind] ?? { count: 0, totalMs: 0, longestMs: 0 });
  const [scavenge] = gc(['scavenge']);
  const major = gc(['mark-compact', 'incremental marking', 'weak callbacks']).reduce((sum, pause) => ({ count: sum.count + pause.count, totalMs: sum.totalMs + pause.totalMs, longestMs: Math.max(sum.longestMs, pause.longestMs) }));
  return {
    read,
    pid: String(window.pid),
    'CPU % of one core': round((100 * window.cpuMs) / 1000 / window.seconds),
    'loop delay p50 / p99 / max ms': `${round(window.delayMs.p50, 1)} / ${round(window.delayMs.p99, 1)} / ${round(window.delayMs.max, 1)}`,
    'scavenges: n, total / longest ms': `${scavenge.count}, ${round(scavenge.totalMs)} / ${round(scavenge.longestMs, 1)}`,
    'major GC: n, total / longest ms': `${major.count}, ${round(major.totalMs)} / ${round(major.longestMs, 1)}`,
    'GC % of run': round((100 * (scavenge.totalMs + major.totalMs)) / 1000 / window.seconds, 1),
    'heap MiB': round(window.heapUsedMb),
    'SQLite writes: n (threw, lock taken), total / longest ms': `${window.sqliteWrites.count} (${window.sqliteWrites.threw}, ${window.sqliteWrites.busy ?? 0}), ${round(window.sqliteWrites.totalMs)} / ${round(window.sqliteWrites.longestMs, 1)}`,
  };
}

class Writer {
  private sent = 0;

  constructor(
    private readonly url: string,
    private readonly authorization: string,
  ) {}

  /** Opens a case from a crime report with one victim of its own. */
  async openCase(): Promise<{ caseId: string; victimId: string }> {
    const victimId = randomUUID();
    const report = { ...CRIME_REPORT_EXAMPLE, area: AREA, sourceReference: `BENCH-${randomUUID()}`, victims: [{ ...CRIME_REPORT_EXAMPLE.victims[0], victimId }] };
    const response = await fetch(`${this.url}/cases`, { method: 'POST', headers: { ...json, authorization: this.authorization }, body: JSON.stringify(report) });
    if (response.status !== 201) throw new Error(`POST /cases: ${response.status} ${await response.text()}`);
    return { caseId: ((await response.json()) as { caseId: string }).caseId, victimId };
  }

  /** Requests that each record a new contact on one of the cases, in turn. */
  contacts(cases: ReadonlyArray<{ caseId: string; victimId: string }>): autocannon.Request[] {
    return [
      {
        method: 'POST',
        headers: { ...json, authorization: this.authorization },
        setupRequest: (request) => {
          const target = cases[this.sent++ % cases.length];
          return { ...request, path: `/cases/${target.caseId}/events`, body: contact(target.victimId, `BENCH-${process.pid}-${this.sent}`) };
        },
      },
    ];
  }

  /** Grows a case to `length` events, one write at a time. */
  async grow(target: { caseId: string; victimId: string }, length: number): Promise<void> {
    await hammer({ url: this.url, connections: 1, amount: length - 1, requests: this.contacts([target]) });
  }
}

async function main(): Promise<void> {
  console.log(`Comparison benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load at the start ${load()}`);
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-compare-'));
  const children: ChildProcess[] = [];
  const redisServer = await PrivateRedis.start(REDIS_PORT);
  const redis = new Redis(REDIS_URL);
  const issuer = await TestIssuer.start();
  try {
    const generated = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/generator/src/main.ts', '--profile', 'bench', '--cases', String(CASES), '--to-store', '--data-dir', dataDirectory], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (generated.status !== 0) throw new Error('the generator failed');
    const store = SqliteEventStore.open({ dataDirectory });
    const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const queues = new JobQueues({ connection: bullConnection(REDIS_URL), prefix: bullPrefix(PREFIX) });
    const catchUps = {
      store: await storeReadRate(store, head.position),
      timeline: await catchUp(store, new TimelineProjection(), head.position),
      obligations: await catchUp(store, new ObligationsProjection({ store, deadlines: new DeadlineQueue(queues.deadlines) }), head.position),
    };
    await queues.close();
    console.log(`Catch-up over ${round(Number(head.position))} events of ${round(CASES)} bench cases: store $all ${round(catchUps.store)} events/s, timeline ${round(catchUps.timeline)}, Victims' Code (obligations) ${round(catchUps.obligations)} events/s`);

    const eventLoopDirectory = join(dataDirectory, 'event-loop');
    mkdirSync(eventLoopDirectory);
    const environment = (processes: number) => ({
      ...issuer.environment,
      LOG_LEVEL: DEPLOYED_LOG_LEVEL,
      DATA_DIR: dataDirectory,
      REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
      RATE_LIMIT_PER_MINUTE: '100000000',
      PORT: String(PRODUCT_PORT),
      API_PROCESSES: String(processes),
      NODE_ENV: 'development',
      ...(EVENT_LOOP ? { EVENT_LOOP_DIR: eventLoopDirectory } : {}),
    });
    const apiOptions = { nodeArgs: [...API_NODE_FLAGS, ...(EVENT_LOOP ? ['-r', './test/bench/event-loop-preload.ts'] : [])] };
    const product = `http://127.0.0.1:${PRODUCT_PORT}`;
    const baseline = `http://127.0.0.1:${BASELINE_PORT}`;
    let api = await startServer('apps/api/src/main.ts', environment(1), `${product}/health`, apiOptions);
    children.push(api, await startServer('test/bench/baseline/baseline-app.ts', { BASELINE_PORT: String(BASELINE_PORT), BASELINE_SQLITE: join(dataDirectory, 'baseline.sqlite'), REDIS_URL }, `${baseline}/read/none`));

    const reader = `Bearer ${await issuer.token({ subject: 'bench.reader', roles: ['case-progression', 'witness-care', 'board'], agency: 'WCU', areas: BENCH_PROFILE.areas.map((area) => area.name) }, { expiresIn: 6 * 3600 })}`;
    const police = `Bearer ${await issuer.token({ subject: 'bench.police-system', roles: ['agency-system'], agency: 'Police', areas: [AREA], sourceSystems: ['Athena'] }, { expiresIn: 6 * 3600 })}`;

    // The reads: sampled timelines and a spread of worklist and compliance questions; the baseline answers each with the product's answer.
    const caseIds = await sampleCaseIds(store, 200);
    const reads = benchReads(caseIds, AREA);
    await primeBaseline(redis, product, reads, reader);
    const readRequests = (kind: string, url: string): autocannon.Request[] =>
      reads[kind].map((path, i) => ({ method: 'GET', path: url === product ? path : `/read/${kind}-${i}`, headers: { authorization: reader } }));

    const writer = new Writer(product, police);
    const writeCases = await Promise.all(Array.from({ length: 64 }, () => writer.openCase()));
    const baselineWrites = new Writer(baseline, '');

    if (!TAIL_ONLY) {
      const rows: string[][] = [];
      const compare = async (what: string, productRun: () => Promise<Run>, baselineRun: () => Promise<Run>) => {
        await productRun(); // warm-up, as long as the measurement: JIT, connection pools, caches
        const ours = await productRun();
        await baselineRun();
        const theirs = await baselineRun();
        rows.push([what, round(ours.requestsPerSecond), round(theirs.requestsPerSecond), (ours.requestsPerSecond / theirs.requestsPerSecond).toFixed(2), `${round(ours.p99)} / ${round(theirs.p99)}`, `${ours.failures} / ${theirs.failures}`]);
      };
      const run = (url: string, requests: autocannon.Request[]) => () => hammer({ url, connections: CONNECTIONS, duration: DURATION, requests });
      await compare('HTTP write', run(product, writer.contacts(writeCases)), run(baseline, baselineWrites.contacts(writeCases)));
      for (const kind of Object.keys(reads)) await compare(`${kind} read`, run(product, readRequests(kind, product)), run(baseline, readRequests(kind, baseline)));
      console.log(`\nThroughput, ${CONNECTIONS} in flight, ${DURATION} s each (after a warm-up as long), the product as 1 API process; load now ${load()}`);
      console.table(rows.map(([what, ours, theirs, ratio, p99, failures]) => ({ what, 'product req/s': ours, 'baseline req/s': theirs, ratio, 'p99 ms product / baseline': p99, 'non-2xx product / baseline': failures })));
    }

    // 64 in flight against 2 API processes behind one port.
    await stopServer(api);
    rmSync(eventLoopDirectory, { recursive: true });
    mkdirSync(eventLoopDirectory); // the single process's pid may be another process's by now
    api = await startServer('apps/api/src/main.ts', environment(2), `${product}/health`, apiOptions);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the second process may answer a moment after the first
    children.push(api);
    const tails: Record<string, string>[] = [];
    const loops: Record<string, string>[] = [];
    for (const kind of Object.keys(reads)) {
      await hammer({ url: product, connections: 64, duration: DURATION, requests: readRequests(kind, product) });
      const measured = () => hammer({ url: product, connections: 64, duration: DURATION, requests: readRequests(kind, product) });
      const { run: ours, windows } = EVENT_LOOP ? await watchEventLoops(eventLoopDirectory, measured) : { run: await measured(), windows: [] };
      // the cluster's primary serves no request: its rows would only say so
      loops.push(...windows.filter((window) => window.pid !== api.pid).map((window) => eventLoopRow(kind, window)));
      const theirs = await hammer({ url: baseline, connections: 64, duration: DURATION, requests: readRequests(kind, baseline) });
      tails.push({ read: kind, 'product p50 ms': round(ours.p50), 'product p99 ms': round(ours.p99), 'product req/s': round(ours.requestsPerSecond), 'baseline p99 ms': round(theirs.p99), 'non-2xx': String(ours.failures) });
    }
    console.log(`\n64 in flight, the product as 2 API processes behind one port (Node's cluster); load now ${load()}`);
    console.table(tails);
    if (EVENT_LOOP) {
      console.log('\nEach API process over the measured run above (test/bench/event-loop-preload.ts)');
      console.table(loops);
    }
    if (TAIL_ONLY) return store.close();

    // The cost of one write against the length of its case: one write at a time, so latency is cost.
    const lengths = [50, 1_000];
    const costs: Record<string, string>[] = [];
    const perWrite: number[] = [];
    for (const length of lengths) {
      const cases = await Promise.all(Array.from({ length: 4 }, () => writer.openCase()));
      for (const target of cases) await writer.grow(target, length);
      await hammer({ url: product, connections: 1, amount: 40, requests: writer.contacts(cases) });
      const measured = await hammer({ url: product, connections: 1, amount: 200, requests: writer.contacts(cases) });
      perWrite.push(measured.mean);
      costs.push({ 'case length': `${round(length)} events`, 'mean ms per write': measured.mean.toFixed(2), 'p99 ms': round(measured.p99, 1), 'non-2xx': String(measured.failures) });
    }
    console.log(`\nOne write at a time on 4 cases of each length (each grows by 50 while measured); load now ${load()}`);
    console.table(costs);
    console.log(`Write cost, 1,000-event case ÷ 50-event case: ${(perWrite[1] / perWrite[0]).toFixed(2)}× (target ≤ 1.5×)`);
    console.log(`Victims' Code catch-up: ${round(catchUps.obligations)} events/s (target ≥ 60,000); the store delivers ${round(catchUps.store)}`);
    console.log(`\nLoad at the end ${load()}`);
    await store.close();
  } finally {
    for (const child of children) await stopServer(child);
    await issuer.stop();
    redis.disconnect();
    await redisServer.dispose();
    if (!options['keep-data']) rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
