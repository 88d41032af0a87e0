/**
 * The Victims' Code projection's catch-up in CPU seconds, for before/after comparisons on a shared
 * machine (wall time there is mostly other people's work):
 *   node -r @swc-node/register apps/generator/src/main.ts --profile bench --cases 2000 --to-store --data-dir /tmp/cj-slice
 *   node -r @swc-node/register test/bench/obligations-catch-up.bench.ts --data-dir=/tmp/cj-slice [--batch-size=2000] [--no-deadlines]
 *     [--warm-up] [--live=200] [--commandstats] [--digest] [--profile=/tmp/catch-up.cpuprofile] [--judges=2]
 * (or `npm run bench:catch-up -- --data-dir=/tmp/cj-slice --warm-up`).
 * It starts a private redis-server (never the shared one), catches the obligations projection up
 * from the start (as a rebuild does, judged at the profile's clock), and prints this process's CPU
 * seconds per 1,000 events beside the wall time and the load average, how much of the wall time its
 * main thread was busy (the rest it waited for Redis or the store), and the redis-server's
 * (INFO cpu). `--live=N` then appends N contacts, one at a time, to cases already read, each
 * followed by the runner alone (the worker's live path: batches of one event), and prints the CPU
 * per event of that too. `--digest` prints a
 * SHA-256 of the caught-up read model (`readModelSnapshot`, every key but the change marks), so
 * that two commits can be shown to write the very same read model (and one of it with each case's
 * reading parsed, the same across two stored forms of the readings); `--commandstats` also prints
 * the bytes sent to Redis. `--monitor` (not with the CPU figures in mind: MONITOR costs Redis) tallies
 * what the measured catch-up sends, per 1,000 events: commands by type and by key family, their
 * arguments' bytes, and the members, fields or keys they name.
 */
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { caseStreamId, type CaseEvent } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { bullConnection, bullPrefix, DeadlineQueue, JobQueues, ObligationsProjection, ProjectionRunner, ProjectionVersions } from '@case-journey/projections';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { parseReading } from '../../libs/projections/src/obligations/stored-reading';
import { readModelSnapshot } from '../../libs/projections/src/testing/read-model-snapshot';
import { PrivateRedis } from '../e2e/private-redis';
import { benchOptions } from './bench-options';

const options = benchOptions({
  'data-dir': { type: 'string', default: '/tmp/cj-slice' },
  'batch-size': { type: 'integer' },
  live: { type: 'integer', default: 0 },
  'no-deadlines': { type: 'boolean' },
  'warm-up': { type: 'boolean' },
  profile: { type: 'string' },
  monitor: { type: 'boolean' },
  digest: { type: 'boolean' },
  commandstats: { type: 'boolean' },
  judges: { type: 'integer', default: 1 },
});
const DATA_DIR = options['data-dir'];
/** The runner's batch size; by default the projection's own (`OBLIGATIONS_BATCH_SIZE`). */
const BATCH_SIZE = options['batch-size'];
const LIVE = options.live;
const DEADLINES = !options['no-deadlines'];
/** Catch up once first into keys of their own, so that the run measured is the JIT's steady state (a long catch-up's). */
const WARM_UP = options['warm-up'];
/** Writes a CPU profile of the measured catch-up alone to this file. */
const PROFILE = options.profile || undefined;
/** Threads judging the cases (`ObligationsProjection`'s `judges`); 1 judges them in this thread. */
const JUDGES = options.judges;
const PREFIX = 'cjcatchup';
const NOW = new Date(BENCH_PROFILE.now);
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
};

async function main(): Promise<void> {
  // The live events are appended to a copy, so that the slice stays the same for the next run.
  const directory = LIVE > 0 ? mkdtempSync(join(tmpdir(), 'cj-catch-up-')) : DATA_DIR;
  if (LIVE > 0) cpSync(DATA_DIR, directory, { recursive: true });
  // A batch never spans two of the store's reads: a batch larger than its default needs larger reads.
  const store = SqliteEventStore.open({ dataDirectory: directory, ...(BATCH_SIZE !== undefined && BATCH_SIZE > 2000 && { subscriptionBatchSize: BATCH_SIZE }) });
  const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  if (!head) throw new Error(`No events in ${DATA_DIR}`);
  const server = await PrivateRedis.start();
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  const queues = new JobQueues({ connection: bullConnection(server.url), prefix: bullPrefix(PREFIX) });
  const threaded = JUDGES > 1 ? new ObligationsProjection({ store, deadlines: DEADLINES ? new DeadlineQueue(queues.deadlines) : undefined, judges: JUDGES }) : undefined;
  try {
    let now = NOW;
    const catchUp = async (prefix: string, profile?: string) => {
      // Judge threads are started once, so that the pass measured runs on threads the warm-up warmed, as a worker's do.
      const projection = threaded ?? new ObligationsProjection({ store, deadlines: DEADLINES ? new DeadlineQueue(queues.deadlines) : undefined });
      const keys = await new ProjectionVersions(redis, prefix).current(projection.name);
      // CPU per 1,000 events in each quarter of the log: the first pays for the JIT's warm-up.
      const quarters: number[] = [];
      let quarterCpu = process.cpuUsage();
      const onCommit = ({ checkpoint }: { checkpoint: bigint }) => {
        if (checkpoint * 4n < head.position * BigInt(quarters.length + 1)) return;
        quarters.push(cpuSeconds(quarterCpu));
        quarterCpu = process.cpuUsage();
      };
      // Given only when asked for: an older checkout's runner would take `batchSize: undefined` over its default, and apply events one at a time.
      const runner = new ProjectionRunner({ store, redis, projection, keys, clock: { now: () => now }, ...(BATCH_SIZE !== undefined && { batchSize: BATCH_SIZE }), onCommit });
      const profiler = profile ? await startProfiler() : undefined;
      const monitor = options.monitor && prefix === PREFIX ? await tallyCommands(redis, keys.base) : undefined;
      const redisCpu = await redisCpuSeconds(redis);
      const memory = await redisMemory(redis);
      const cpu = process.cpuUsage();
      quarterCpu = cpu;
      const started = performance.now();
      const loop = performance.eventLoopUtilization();
      runner.start();
      await runner.reached(head.position);
      const seconds = (performance.now() - started) / 1000;
      const busy = performance.eventLoopUtilization(loop).utilization;
      const cpuUsed = cpuSeconds(cpu);
      const redisCpuUsed = (await redisCpuSeconds(redis)) - redisCpu;
      if (profiler && profile) await profiler(profile);
      if (monitor) console.log(await monitor(Number(head.position)));
      const events = Number(head.position);
      console.log(
        `catch-up: ${events} events in ${seconds.toFixed(2)} s wall (${Math.round(events / seconds)} events/s), ${cpuUsed.toFixed(2)} s CPU = ${((cpuUsed / events) * 1e6).toFixed(1)} ms CPU per 1,000 events (${Math.round(events / cpuUsed)} events per CPU second); load ${load()}`,
      );
      console.log(`  main thread busy ${(busy * 100).toFixed(1)} % of the wall time (event loop utilisation: the rest it waited for I/O, Redis mostly; waiting for a CPU counts as busy)`);
      console.log(`  Redis server: ${redisCpuUsed.toFixed(2)} s CPU = ${((redisCpuUsed / events) * 1e6).toFixed(1)} ms per 1,000 events (its deadline jobs' commands included)`);
      console.log(`  Redis memory: ${(((await redisMemory(redis)) - memory) / 1024 / 1024).toFixed(1)} MiB more after the catch-up (used_memory)`);
      console.log(`  by quarter of the log: ${quarters.map((q) => ((q / (events / 4)) * 1e6).toFixed(1)).join(' / ')} ms CPU per 1,000 events`);
      if (options.digest) {
        const snapshot = await readModelSnapshot(redis, keys);
        console.log(`  read model: ${Object.keys(snapshot).length} keys, sha256 ${createHash('sha256').update(JSON.stringify(snapshot)).digest('hex')}`);
        // The same with each case's reading as `parseReading` gives it: equal across two stored forms of one reading.
        const asRead = Object.fromEntries(Object.entries(snapshot).map(([key, value]) => [key, key.startsWith('case:') ? parseReading(value as string) : value]));
        console.log(`  read model as read (case readings parsed): sha256 ${createHash('sha256').update(JSON.stringify(asRead)).digest('hex')}`);
      }
      return runner;
    };
    console.log(`load ${load()}; ${DATA_DIR} through position ${head.position}, batches of ${BATCH_SIZE ?? 'the projection\'s own size'}, deadlines ${DEADLINES ? 'on' : 'off'}, ${JUDGES} judge thread(s)`);
    if (WARM_UP) await (await catchUp(`${PREFIX}-warm-up`)).stop();
    const runner = await catchUp(PREFIX, PROFILE);
    if (options.commandstats) {
      console.log(commandStats(await redis.info('commandstats')));
      console.log(`  bytes sent to Redis: ${/total_net_input_bytes:(\d+)/.exec(await redis.info('stats'))?.[1]} (warm-up included)`);
    }
    if (DEADLINES) console.log(`  deadline jobs: ${JSON.stringify(await queues.deadlines.getJobCounts('delayed', 'waiting'))}`);

    if (LIVE > 0) {
      // Contacts on cases the catch-up read, one at a time: each is one batch of one event.
      const targets = await liveTargets(store, LIVE);
      now = new Date(NOW.getTime() + 86_400_000); // after every contact appended (one a minute)
      let cpuLive = 0;
      for (let i = 0; i < targets.length; i++) {
        const { caseId, victimId, revision } = targets[i];
        const event = contact(caseId, victimId, i);
        const appended = await store.append(caseStreamId(caseId), [{ id: event.metadata.eventId, type: event.type, data: event.data, metadata: { ...event.metadata } }], { expectedRevision: revision });
        const cpuOne = process.cpuUsage();
        await runner.reached(appended.position);
        cpuLive += cpuSeconds(cpuOne);
      }
      console.log(`live: ${targets.length} single events, ${((cpuLive / targets.length) * 1000).toFixed(2)} ms CPU per event (runner side, after the append); load ${load()}`);
    }
    await runner.stop();
  } finally {
    await threaded?.close();
    await queues.close();
    redis.disconnect();
    await server.stop();
    await store.close();
    if (directory !== DATA_DIR) rmSync(directory, { recursive: true, force: true });
  }
}

/** Starts V8's CPU profiler in this process; the function returned stops it and writes the profile. */
async function startProfiler(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async (file) => {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/**
 * Watches every command the server runs (MONITOR, on a connection of its own) and, once called,
 * stops and says what was sent per 1,000 of `events`: by command, and by command and key family
 * (the key's parts after the version, ids and values masked), with the arguments' bytes and how
 * many arguments (members, fields, keys) each carried.
 */
async function tallyCommands(redis: Redis, base: string): Promise<(events: number) => Promise<string>> {
  const monitor = await redis.monitor();
  const tally = new Map<string, { calls: number; args: number; bytes: number }>();
  const add = (name: string, args: string[]) => {
    const entry = tally.get(name) ?? { calls: 0, args: 0, bytes: 0 };
    entry.calls += 1;
    entry.args += args.length - 1;
    entry.bytes += args.reduce((sum, arg) => sum + Buffer.byteLength(arg), 0);
    tally.set(name, entry);
  };
  const familyOf = (key: string | undefined) =>
    key === undefined ? '-' : key.startsWith(base) ? key.slice(base.length + 1).split(':').slice(0, 2).map((part, i) => (i === 0 ? part : /^[0-9a-f-]{8,}$|%|@/i.test(part) ? '*' : part)).join(':') : key.split(':').slice(0, 2).join(':');
  monitor.on('monitor', (_time: string, args: string[]) => {
    const command = args[0].toLowerCase();
    add(command, args);
    add(`${command} ${familyOf(args[1])}`, args);
  });
  return async (events) => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    monitor.disconnect();
    const per = (n: number) => ((n / events) * 1000).toFixed(1);
    const rows = [...tally].sort(([, a], [, b]) => b.bytes - a.bytes);
    return ['  sent per 1,000 events (MONITOR): calls / arguments / KB', ...rows.map(([name, { calls, args, bytes }]) => `    ${name}: ${per(calls)} / ${per(args)} / ${(Number(per(bytes)) / 1024).toFixed(1)}`)].join('\n');
  };
}

/** The bytes the private redis-server holds (used_memory). */
async function redisMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
}

/** The private redis-server's own CPU seconds so far (user and system). */
async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  return Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1]);
}

/** Calls per command in the private server, most first. */
function commandStats(info: string): string {
  return [...info.matchAll(/cmdstat_(\w+):calls=(\d+),usec=(\d+)/g)]
    .map(([, command, calls, usec]) => ({ command, calls: Number(calls), usec: Number(usec) }))
    .sort((a, b) => b.calls - a.calls)
    .map(({ command, calls, usec }) => `  ${command} ${calls} calls, ${(usec / 1e6).toFixed(2)} s in Redis`)
    .join('\n');
}

async function liveTargets(store: SqliteEventStore, count: number): Promise<Array<{ caseId: string; victimId: string; revision: bigint }>> {
  const targets = new Map<string, { caseId: string; victimId: string; revision: bigint }>();
  for (let after: bigint | undefined; targets.size < count; ) {
    const page = await store.readAll({ after, maxCount: 1000 });
    if (page.length === 0) break;
    for (const recorded of page) {
      if (recorded.type !== 'CrimeReported' || targets.size >= count) continue;
      const caseId = recorded.streamId.slice(caseStreamId('').length);
      const stream = await store.readStream(caseStreamId(caseId));
      const victimId = (recorded.data as { victims: Array<{ victimId: string }> }).victims[0]?.victimId;
      if (victimId) targets.set(caseId, { caseId, victimId, revision: stream[stream.length - 1].revision });
    }
    after = page[page.length - 1].position;
  }
  return [...targets.values()];
}

function contact(caseId: string, victimId: string, i: number): CaseEvent {
  const at = new Date(NOW.getTime() + 60_000 * i).toISOString();
  return {
    type: 'VictimInformed',
    data: { caseId, victimId, topic: 'other', channel: 'phone' },
    metadata: { eventId: randomUUID(), schemaVersion: 1, occurredAt: at, recordedAt: at, agency: 'WCU', recordedBy: 'bench', sourceSystem: 'bench', sourceReference: `LIVE-${i}` },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
