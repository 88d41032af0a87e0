/**
 * CPU per request of one API process, for each kind `bench:compare` measures (issue 14, item 5).
 * Throughput on a shared machine is noise; the CPU a process spends on N requests is far less so.
 *   npm run bench:request-cpu -- [--cases=1000] [--requests=4000] [--connections=16] [--kinds=write,timeline,worklist,compliance]
 *                                [--data-dir=/tmp/…] [--redis-port=47101] [--no-baseline] [--profile] [--against=<checkout>] [--rounds=2]
 * It loads `--cases` bench cases into a fresh store (or reuses `--data-dir`'s), catches the projections
 * up on a private redis-server, starts the API (one process, as `npm run api`) and the bare baseline
 * app of `bench:compare`, and for each kind sends `--requests` requests after a warm-up of half as
 * many, reading the user and system CPU time of the API process, the baseline and Redis from /proc
 * before and after, and this process's own (the client's: what reading the answers cost it), with
 * the bytes an answer took on the wire, headers included. `--profile` also writes a CPU profile of the API over each kind's measured
 * requests to /tmp/cj-request-cpu/<kind>.cpuprofile (with `--floor`, also of the floor's step with
 * every layer, <kind>-floor.cpuprofile). `--against=<checkout>` also starts the API of
 * another checkout of the product (a commit's `git archive`, say, with node_modules linked), on the
 * same store and Redis, and measures the two in turn, `--rounds` times each, so that a change is
 * compared with what came before under the same load. Prints the load average beside every figure.
 * `--floor` measures, in place of the bare baseline, the baseline with the layers the product's issues
 * require added one at a time (BASELINE_LAYERS in baseline-app.ts: access, rate-limit, log, helmet,
 * audit), alternating their order with the product's each round, and prints for each the ratio to
 * the bare app's CPU per request: the most the product's throughput ratio could be with those layers
 * and nothing else (a request's CPU bounds its throughput when one API process is CPU-bound).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { bullConnection, bullPrefix, DeadlineQueue, JobQueues, ObligationsProjection, TimelineProjection } from '@case-journey/projections';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { CRIME_REPORT_EXAMPLE } from '../../apps/api/src/cases/dto/examples';
import { PrivateRedis } from '../e2e/private-redis';
import { benchReads, contact, DEPLOYED_LOG_LEVEL, primeBaseline, sampleCaseIds, startServer, stopServer } from './bench-servers';
import { timeCatchUp } from './projection-catch-up';
import { benchOptions } from './bench-options';

const options = benchOptions({
  cases: { type: 'integer', default: 1000 },
  requests: { type: 'integer', default: 4000 },
  connections: { type: 'integer', default: 16 },
  kinds: { type: 'string', default: 'write,timeline,worklist,compliance' },
  'data-dir': { type: 'string', default: '' },
  'redis-port': { type: 'integer', default: 47101 },
  'no-baseline': { type: 'boolean' },
  profile: { type: 'boolean' },
  against: { type: 'string', default: '' },
  rounds: { type: 'integer' },
  floor: { type: 'boolean' },
});
const CASES = options.cases;
const REQUESTS = options.requests;
const CONNECTIONS = options.connections;
const KINDS = options.kinds.split(',');
const PROFILED = options.profile;
const PROFILE_DIR = '/tmp/cj-request-cpu';
const REDIS_PORT = options['redis-port'];
const PRODUCT_PORT = REDIS_PORT + 1;
const BASELINE_PORT = REDIS_PORT + 2;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
const PREFIX = 'cjcpu';
const AREA = BENCH_PROFILE.areas[0].name;
const WITH_BASELINE = !options['no-baseline'];
const AGAINST = options.against;
const ROUNDS = options.rounds ?? (AGAINST ? 2 : 1);
const AGAINST_PORT = REDIS_PORT + 3;
const FLOOR = options.floor;
/** The floor's steps, each adding one required layer to the one before (the first is the bare baseline). */
const FLOOR_STEPS = ['', 'access', 'access,rate-limit', 'access,rate-limit,log', 'access,rate-limit,log,helmet', 'access,rate-limit,log,helmet,audit'];
const floorName = (layers: string) => (layers ? `floor +${layers.split(',').at(-1)}` : 'floor bare');
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim() || 100);

/** User plus system CPU milliseconds a process has used, from /proc (it need not be ours to ask). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14 and 15 of stat)
}

/** This process's CPU milliseconds: the client's (autocannon), what the servers' answers cost to read. */
function clientCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function main(): Promise<void> {
  const given = options['data-dir'];
  const dataDirectory = given || mkdtempSync(join(tmpdir(), 'cj-request-cpu-'));
  if (!existsSync(join(dataDirectory, 'events.sqlite')) && !existsSync(join(dataDirectory, 'events.db'))) {
    const generated = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/generator/src/main.ts', '--profile', 'bench', '--cases', String(CASES), '--to-store', '--data-dir', dataDirectory], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (generated.status !== 0) throw new Error('the generator failed');
  }
  const redisServer = await PrivateRedis.start(REDIS_PORT);
  const redis = new Redis(REDIS_URL);
  const redisPid = Number(/process_id:(\d+)/.exec(await redis.info('server'))![1]);
  const issuer = await TestIssuer.start();
  const children: ChildProcess[] = [];
  try {
    const store = SqliteEventStore.open({ dataDirectory });
    const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const queues = new JobQueues({ connection: bullConnection(REDIS_URL), prefix: bullPrefix(PREFIX) });
    const clock = { now: () => new Date(BENCH_PROFILE.now) };
    for (const projection of [new TimelineProjection(), new ObligationsProjection({ store, deadlines: new DeadlineQueue(queues.deadlines) })]) {
      await timeCatchUp({ store, redisUrl: REDIS_URL, prefix: PREFIX, projection, clock, through: head.position });
    }
    await queues.close();
    const caseIds = await sampleCaseIds(store, 200);
    await store.close();

    const product = `http://127.0.0.1:${PRODUCT_PORT}`;
    const baseline = `http://127.0.0.1:${BASELINE_PORT}`;
    if (PROFILED) mkdirSync(PROFILE_DIR, { recursive: true });
    /** Profiles written so far by each process (each numbers its own from 1). */
    const profiles = new Map<number, number>();
    const apiEnvironment = (port: number) => ({ ...issuer.environment, LOG_LEVEL: DEPLOYED_LOG_LEVEL, DATA_DIR: dataDirectory, REDIS_URL, REDIS_KEY_PREFIX: PREFIX, RATE_LIMIT_PER_MINUTE: '100000000', PORT: String(port), API_PROCESSES: '1', NODE_ENV: 'development', CPU_PROFILE_DIR: PROFILE_DIR });
    const api = await startServer('apps/api/src/main.ts', apiEnvironment(PRODUCT_PORT), `${product}/health`, { nodeArgs: PROFILED ? ['-r', './test/bench/cpu-profile-preload.ts'] : [], attempts: 1800 });
    children.push(api);
    const other = `http://127.0.0.1:${AGAINST_PORT}`;
    const againstApi = AGAINST ? await startServer('apps/api/src/main.ts', apiEnvironment(AGAINST_PORT), `${other}/health`, { cwd: AGAINST, attempts: 1800 }) : undefined;
    if (againstApi) children.push(againstApi);
    const floor: Array<{ layers: string; url: string; child: ChildProcess }> = [];
    for (const [i, layers] of (FLOOR ? FLOOR_STEPS : []).entries()) {
      const port = BASELINE_PORT + 10 + i;
      const environment = { ...apiEnvironment(port), BASELINE_LAYERS: layers, BASELINE_PORT: String(port), BASELINE_SQLITE: join(dataDirectory, `floor-${i}.sqlite`), BASELINE_AUDIT_DIR: join(dataDirectory, `floor-audit-${i}`) };
      const child = await startServer('test/bench/baseline/baseline-app.ts', environment, `http://127.0.0.1:${port}/read/none`, { nodeArgs: PROFILED ? ['-r', './test/bench/cpu-profile-preload.ts'] : [], attempts: 1800 });
      children.push(child);
      floor.push({ layers, url: `http://127.0.0.1:${port}`, child });
    }
    const base = WITH_BASELINE && !FLOOR ? await startServer('test/bench/baseline/baseline-app.ts', { BASELINE_PORT: String(BASELINE_PORT), BASELINE_SQLITE: join(dataDirectory, 'baseline.sqlite'), REDIS_URL }, `${baseline}/read/none`, { attempts: 1800 }) : undefined;
    if (base) children.push(base);

    const reader = `Bearer ${await issuer.token({ subject: 'bench.reader', roles: ['case-progression', 'witness-care', 'board'], agency: 'WCU', areas: BENCH_PROFILE.areas.map((area) => area.name) }, { expiresIn: 6 * 3600 })}`;
    const police = `Bearer ${await issuer.token({ subject: 'bench.police-system', roles: ['agency-system'], agency: 'Police', areas: [AREA], sourceSystems: ['Athena'] }, { expiresIn: 6 * 3600 })}`;
    const reads = benchReads(caseIds, AREA);
    await primeBaseline(redis, product, reads, reader);
    // Each measurement writes to 64 cases of its own, opened just before it: on cases carried from one
    // measurement to the next, the later would pay for longer cases (a write folds on what is new), and
    // past the API's kept budget (FOLDED_EVENTS_KEPT) a round-robin over them misses every time.
    const openWriteCases = () =>
      Promise.all(
        Array.from({ length: 64 }, async () => {
          const victimId = randomUUID();
          const report = { ...CRIME_REPORT_EXAMPLE, area: AREA, sourceReference: `BENCH-${randomUUID()}`, victims: [{ ...CRIME_REPORT_EXAMPLE.victims[0], victimId }] };
          const response = await fetch(`${product}/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: police }, body: JSON.stringify(report) });
          if (response.status !== 201) throw new Error(`POST /cases: ${response.status} ${await response.text()}`);
          return { caseId: ((await response.json()) as { caseId: string }).caseId, victimId };
        }),
      );
    let writeCases: Array<{ caseId: string; victimId: string }> = [];
    let sent = 0;
    const requestsOf = (kind: string, target: 'product' | 'baseline' | 'against' | 'floor'): autocannon.Request[] => {
      if (kind === 'write') {
        return [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: police },
            setupRequest: (request) => {
              const chosen = writeCases[sent++ % writeCases.length];
              return { ...request, path: `/cases/${chosen.caseId}/events`, body: contact(chosen.victimId, `CPU-${process.pid}-${sent}`) };
            },
          },
        ];
      }
      const pathOf = (path: string, i: number) => (target === 'floor' && kind === 'worklist' ? `/pages/${kind}-${i}` : target === 'baseline' || target === 'floor' ? `/read/${kind}-${i}` : path);
      return reads[kind].map((path, i) => ({ method: 'GET', path: pathOf(path, i), headers: { authorization: reader } }));
    };

    const measure = async (kind: string, url: string, target: 'product' | 'baseline' | 'against' | 'floor', pid: number, profile: string | false) => {
      const send = (amount: number) => autocannon({ url, connections: CONNECTIONS, amount, pipelining: 1, requests: requestsOf(kind, target) });
      if (kind === 'write') writeCases = await openWriteCases();
      await send(Math.ceil(REQUESTS / 2));
      if (profile) process.kill(pid, 'SIGWINCH');
      const before = { server: cpuMs(pid), redis: cpuMs(redisPid), client: clientCpuMs(), load: loadavg()[0] };
      const result = await send(REQUESTS);
      const after = { server: cpuMs(pid), redis: cpuMs(redisPid), client: clientCpuMs(), load: loadavg()[0] };
      if (profile) {
        process.kill(pid, 'SIGWINCH');
        profiles.set(pid, (profiles.get(pid) ?? 0) + 1);
        const written = join(PROFILE_DIR, `profile-${profiles.get(pid)}.cpuprofile`);
        for (let waited = 0; !existsSync(written) && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 100));
        renameSync(written, join(PROFILE_DIR, `${profile}.cpuprofile`));
      }
      const failures = result.non2xx + result.errors + result.timeouts;
      return {
        kind,
        target,
        'server CPU ms/req': ((after.server - before.server) / REQUESTS).toFixed(3),
        'redis CPU ms/req': ((after.redis - before.redis) / REQUESTS).toFixed(3),
        'client CPU ms/req': ((after.client - before.client) / REQUESTS).toFixed(3),
        'KB/res': (result.throughput.total / result.requests.total / 1024).toFixed(2),
        'req/s': Math.round(result.requests.average),
        'p99 ms': result.latency.p99,
        failures,
        load: `${before.load.toFixed(2)}→${after.load.toFixed(2)}`,
      };
    };
    const rows: Array<Record<string, string | number>> = [];
    for (const kind of KINDS) {
      for (let round = 0; round < ROUNDS; round++) {
        // Which goes first alternates: on a machine whose load drifts, the later of two runs tends to be the cheaper.
        const ours = () => measure(kind, product, 'product', api.pid!, PROFILED && round === 0 && kind);
        const theirs = async () => ({ ...(await measure(kind, other, 'against', againstApi!.pid!, false)), target: `against ${AGAINST}` });
        if (FLOOR) {
          // The audit layer only differs for the worklist, the one audited read.
          const steps = floor.filter((step) => kind === 'worklist' || !step.layers.includes('audit'));
          const floors = async () => {
            const measured = [];
            // With --profile, the floor's top step (every required layer) is profiled too, in the first round.
            const profileOf = (step: (typeof steps)[number]) => PROFILED && round === 0 && step === steps.at(-1) && `${kind}-floor`;
            for (const step of round % 2 === 0 ? steps : [...steps].reverse()) measured.push({ ...(await measure(kind, step.url, 'floor', step.child.pid!, profileOf(step))), target: floorName(step.layers) });
            return measured;
          };
          if (round % 2 === 1) rows.push(...(await floors()), await ours());
          else rows.push(await ours(), ...(await floors()));
          continue;
        }
        if (againstApi && round % 2 === 1) rows.push(await theirs(), await ours());
        else rows.push(await ours(), ...(againstApi ? [await theirs()] : []));
      }
      if (base) rows.push(await measure(kind, baseline, 'baseline', base.pid!, false));
    }
    console.log(`${REQUESTS} requests per kind, ${CONNECTIONS} in flight, after ${Math.ceil(REQUESTS / 2)} to warm up; load now ${load()}`);
    console.table(rows);
    if (FLOOR) {
      // The bare app's CPU per request over each target's, rounds averaged: the throughput ratio it leaves at most.
      const mean = (kind: string, target: string) => {
        const taken = rows.filter((row) => row.kind === kind && row.target === target).map((row) => Number(row['server CPU ms/req']));
        return taken.reduce((sum, ms) => sum + ms, 0) / taken.length;
      };
      const ceilings = KINDS.flatMap((kind) =>
        [...FLOOR_STEPS.map(floorName), 'product']
          .filter((target) => rows.some((row) => row.kind === kind && row.target === target))
          .map((target) => ({ kind, target, 'CPU ms/req (mean)': mean(kind, target).toFixed(3), 'bare / this': (mean(kind, floorName('')) / mean(kind, target)).toFixed(2) })),
      );
      console.log('Ratio ceilings (the bare app\'s CPU per request over each one\'s):');
      console.table(ceilings);
    }
    if (PROFILED) console.log(`CPU profiles of the API over each kind's measured requests: ${PROFILE_DIR}/<kind>.cpuprofile${FLOOR ? `, and of the floor's every layer: <kind>-floor.cpuprofile` : ''}`);
  } finally {
    for (const child of children) await stopServer(child);
    await issuer.stop();
    redis.disconnect();
    await redisServer.dispose();
    if (!given) rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
