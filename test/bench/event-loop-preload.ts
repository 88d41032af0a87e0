/**
 * Preloaded into the API by `bench:compare -- --event-loop`: what stalls a process's event loop
 * while it is measured. Each process (a cluster's primary and its API processes alike, which
 * inherit the preload) writes `EVENT_LOOP_DIR`/<pid>.pid on start; told once (SIGWINCH) it starts
 * watching, told again it writes `EVENT_LOOP_DIR`/<pid>-<n>.json: the event-loop delay's
 * percentiles (perf_hooks.monitorEventLoopDelay), each kind of garbage collection's count, total
 * and longest pause (PerformanceObserver 'gc' entries), the process's CPU over the window and its
 * heap's spaces at the end, and its SQLite write transactions (better-sqlite3's `immediate`: the
 * embedded store's appends, the audit's among them): how many, how long each held the loop, waiting
 * for the write lock included, how many threw (another process wrote the stream first) and how many
 * tries found the write lock taken (SQLITE_BUSY: the store tries again on a timer). With `EVENT_LOOP_HEAP_PROFILE=1` it also samples what the window
 * allocates (the inspector's sampling heap profiler) into <pid>-<n>.heapprofile (Chrome DevTools).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import Database from 'better-sqlite3';
import { isLockBusy } from '../../libs/event-store/src/sqlite/write-lock-queue';

const directory = process.env.EVENT_LOOP_DIR ?? '/tmp';
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

interface Pauses {
  count: number;
  totalMs: number;
  longestMs: number;
}

const writes = { count: 0, totalMs: 0, longestMs: 0, threw: 0, busy: 0 };

/** Times every `transaction(fn).immediate(...)`; better-sqlite3's own properties are read-only, so the transaction is wrapped whole. */
const transaction = Database.prototype.transaction;
Database.prototype.transaction = function timedTransaction(this: Database.Database, fn: (...args: unknown[]) => unknown) {
  const original = transaction.call(this, fn) as ReturnType<Database.Database['transaction']>;
  const timed = (run: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return run.apply(this, args);
      } catch (error) {
        if (isLockBusy(error)) writes.busy++;
        else writes.threw++;
        throw error;
      } finally {
        const ms = performance.now() - started;
        writes.count++;
        writes.totalMs += ms;
        writes.longestMs = Math.max(writes.longestMs, ms);
      }
    };
  return Object.assign((...args: unknown[]) => original(...args), { default: original.default, deferred: original.deferred, immediate: timed(original.immediate), exclusive: original.exclusive });
} as typeof transaction;

let watching: { delay: IntervalHistogram; gc: PerformanceObserver; pauses: Record<string, Pauses>; cpu: NodeJS.CpuUsage; started: number } | undefined;
let written = 0;
const heapProfiling = process.env.EVENT_LOOP_HEAP_PROFILE === '1';
const session = heapProfiling ? new Session() : undefined;
session?.connect();

writeFileSync(join(directory, `${process.pid}.pid`), String(process.pid));

function start(): void {
  const pauses: Record<string, Pauses> = {};
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as unknown as { detail: { kind: number } }).detail.kind] ?? 'other';
      const total = (pauses[kind] ??= { count: 0, totalMs: 0, longestMs: 0 });
      total.count++;
      total.totalMs += entry.duration;
      total.longestMs = Math.max(total.longestMs, entry.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  session?.post('HeapProfiler.startSampling', { samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as object);
  Object.assign(writes, { count: 0, totalMs: 0, longestMs: 0, threw: 0, busy: 0 });
  watching = { delay, gc, pauses, cpu: process.cpuUsage(), started: performance.now() };
}

function stop(): void {
  if (!watching) return;
  const { delay, gc, pauses, cpu, started } = watching;
  watching = undefined;
  delay.disable();
  gc.disconnect();
  const used = process.cpuUsage(cpu);
  const ms = (ns: number) => ns / 1e6;
  const window = ++written;
  session?.post('HeapProfiler.stopSampling', (error, result) => {
    if (!error) writeFileSync(join(directory, `${process.pid}-${window}.heapprofile`), JSON.stringify(result.profile));
  });
  writeFileSync(
    join(directory, `${process.pid}-${window}.json`),
    JSON.stringify({
      pid: process.pid,
      seconds: (performance.now() - started) / 1000,
      cpuMs: (used.user + used.system) / 1000,
      delayMs: { p50: ms(delay.percentile(50)), p90: ms(delay.percentile(90)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      gc: pauses,
      heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
      sqliteWrites: { ...writes },
      spacesMb: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { size: space.space_size / 2 ** 20, used: space.space_used_size / 2 ** 20 }])),
    }),
  );
}

process.on('SIGWINCH', () => (watching ? stop() : start()));
