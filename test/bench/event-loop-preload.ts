/**
 * Preloaded into the API by `bench:compare -- --event-loop`: what stalls a process's event loop
 * while it is measured. Each process (a cluster's primary and its API processes alike, which
 * inherit the preload) writes `EVENT_LOOP_DIR`/<pid>.pid on start; told once (SIGWINCH) it starts
 * watching, told again it writes `EVENT_LOOP_DIR`/<pid>-<n>.json: the event-loop delay's
 * percentiles (perf_hooks.monitorEventLoopDelay), each kind of garbage collection's count, total
 * and longest pause (PerformanceObserver 'gc' entries), the process's CPU over the window and its
 * heap's spaces at the end. With `EVENT_LOOP_HEAP_PROFILE=1` it also samples what the window
 * allocates (the inspector's sampling heap profiler) into <pid>-<n>.heapprofile (Chrome DevTools).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

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
      spacesMb: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { size: space.space_size / 2 ** 20, used: space.space_used_size / 2 ** 20 }])),
    }),
  );
}

process.on('SIGWINCH', () => (watching ? stop() : start()));
