/**
 * Ingestion benchmark: the generator's bench profile (100,000 cases, about 1.29 million events) as the
 * requests agencies would send, imported into a fresh embedded store through the import's own path
 * (the importer's stores and recorder as `openImporterServices` opens them for the CLI, batches of
 * cases, the batch append). Reports events stored per second and the
 * process's peak RSS.
 *
 *   npm run bench:ingestion -- [--cases=N] [--file=/tmp/cj-bench-requests.ndjson] [--data-dir=/tmp/cj-bench-import] [--batch-lines=N] [--validation-thread=on|off]
 *     [--checkpoints=on-thread|in-commit]
 *
 * The store's log is copied back into its file on a thread of its own, as the importer's process does
 * (`--checkpoints=in-commit`: by the commit that fills it, as before 2026-11-30); the log file's
 * largest size is printed.
 *
 * Besides the rate, the CPU per 1,000 lines and each thread's CPU, it prints each busy thread's time
 * on a CPU, waiting for one (behind the machine's other work) and asleep (on the other thread, the
 * disk or a lock), from the scheduler's accounting, and the main thread's time inside the store's
 * batch appends split the same way: on a shared machine the rate alone cannot tell these apart.
 *
 * The file is written first when missing (about 750 MB for the whole profile; kept for the next run),
 * and the data folder is emptied before the import.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '@case-journey/access';
import type { VictimPersonalData } from '@case-journey/domain';
import { loadConfiguration } from '@case-journey/platform';
import type { SealPersonalData } from '@case-journey/synthetic';
import type { CaseStreamRepository } from '../../apps/api/src/cases/case-stream.repository';
import { ImportJournal, newImportStatus } from '../../apps/api/src/imports/import-journal';
import { openImporterServices } from '../../apps/api/src/imports/importer-services';
import { processImport } from '../../apps/api/src/imports/process-import';
import { ndjsonSource } from '../../apps/api/src/imports/record-sources';
import { benchOptions } from './bench-options';

const options = benchOptions({
  cases: { type: 'integer' },
  file: { type: 'string' },
  'data-dir': { type: 'string', default: '/tmp/cj-bench-import' },
  'batch-lines': { type: 'integer' },
  'validation-thread': { type: 'string', choices: ['on', 'off'] },
  checkpoints: { type: 'string', choices: ['on-thread', 'in-commit'], default: 'on-thread' },
});
const { cases, checkpoints } = options;
const file = options.file ?? `/tmp/cj-bench-requests${cases ? `-${cases}` : ''}.ndjson`;
const dataDirectory = options['data-dir'];
const batchSize = options['batch-lines'];
const validationThread = options['validation-thread'] === undefined ? undefined : options['validation-thread'] === 'on';

/** The largest the store's write-ahead log file has been, sampled. */
let peakWalBytes = 0;
function sampleWal(): void {
  try {
    peakWalBytes = Math.max(peakWalBytes, statSync(join(dataDirectory, 'events.sqlite-wal')).size);
  } catch {
    // No log yet.
  }
}

/** A thread's CPU seconds so far (Linux, from /proc: its user and system ticks), or undefined elsewhere or once it has ended. */
function threadCpuSeconds(threadId: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * A thread's seconds on a CPU and waiting for one (in the run queue, behind the machine's other
 * work), from the scheduler's own accounting (/proc/…/schedstat); the rest of its time it slept:
 * waiting on the other thread, on the disk, or on a lock.
 */
function threadSchedule(threadId: number | 'thread-self'): { running: number; runnable: number } | undefined {
  try {
    const path = threadId === 'thread-self' ? '/proc/thread-self/schedstat' : `/proc/self/task/${threadId}/schedstat`;
    const [running, runnable] = readFileSync(path, 'utf8').split(' ').map(Number);
    return { running: running / 1e9, runnable: runnable / 1e9 };
  } catch {
    return undefined;
  }
}

interface Schedule {
  running: number;
  runnable: number;
  firstSeen: number;
  lastSeen: number;
}
const schedules = new Map<number, Schedule>();
function sampleSchedules(): void {
  try {
    const now = performance.now() / 1000;
    for (const task of readdirSync('/proc/self/task')) {
      const schedule = threadSchedule(Number(task));
      if (schedule) schedules.set(Number(task), { ...schedule, firstSeen: schedules.get(Number(task))?.firstSeen ?? now, lastSeen: now });
    }
  } catch {
    // Not Linux: no shares are printed.
  }
}

/** Each busy thread's share of its life in the run: on a CPU, waiting for one, and asleep. */
function scheduleLines(seconds: number, before: ReadonlyMap<number, Schedule>): string[] {
  const lines: string[] = [];
  for (const [thread, schedule] of schedules) {
    const running = schedule.running - (before.get(thread)?.running ?? 0);
    if (running < 0.05 * seconds) continue;
    const runnable = schedule.runnable - (before.get(thread)?.runnable ?? 0);
    const lived = before.has(thread) ? seconds : Math.min(seconds, schedule.lastSeen - schedule.firstSeen);
    const share = (part: number) => `${((100 * part) / lived).toFixed(0)} %`;
    const name = thread === process.pid ? 'main thread' : `thread ${thread}`;
    lines.push(`  ${name}, ${lived.toFixed(0)} s: on a CPU ${share(running)}, waiting for one ${share(runnable)}, asleep ${share(lived - running - runnable)}`);
  }
  return lines;
}

/** The main thread's time inside the store's batch appends (synchronous under an async signature): on a CPU, waiting for one, asleep (the disk). */
const inStore = { calls: 0, wall: 0, running: 0, runnable: 0 };
function timedAppends(repository: CaseStreamRepository): void {
  const appendMany = repository.appendMany.bind(repository);
  repository.appendMany = async (writes) => {
    const before = threadSchedule('thread-self');
    const started = performance.now();
    try {
      return await appendMany(writes);
    } finally {
      const after = threadSchedule('thread-self');
      inStore.calls += 1;
      inStore.wall += (performance.now() - started) / 1000;
      if (before && after) {
        inStore.running += after.running - before.running;
        inStore.runnable += after.runnable - before.runnable;
      }
    }
  };
}

/**
 * The CPU seconds of each of the process's threads, sampled while the import runs (a thread that
 * ends is counted as last seen). On two cores the import's pace is bound by the busier of its two
 * threads: the main one decides and stores, the validation thread reads, parses and validates.
 */
const threadCpu = new Map<number, number>();
function sampleThreads(): void {
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const seconds = threadCpuSeconds(Number(task));
      if (seconds !== undefined) threadCpu.set(Number(task), seconds);
    }
  } catch {
    // Not Linux: only the process's total is printed.
  }
}

const OPERATOR: Principal = { subject: 'bench', roles: ['admin'], areas: [], sourceSystems: [] };

/** The generator is loaded only to write the file: what the import's process holds is measured, not the generator's code. */
async function writeRequests(): Promise<void> {
  const { BENCH_PROFILE, generateCases, requestChunks } = await import('@case-journey/synthetic');
  const { VICTIMS_CODE_2020, WorkingDayCalendar } = await import('@case-journey/victims-code');
  const { seededSealer } = await import('../../apps/generator/src/seeded-sealer');
  const { fileSink, writeNdjson } = await import('../../apps/generator/src/write-ndjson');
  const sealer = seededSealer(42);
  const noted = new Map<string, VictimPersonalData>();
  const seal: SealPersonalData = (victimId, details) => (noted.set(victimId, details), sealer(victimId, details));
  const generated = generateCases(BENCH_PROFILE, { seed: 42, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, cases, seal });
  const tally = await writeNdjson(generated, fileSink(file), requestChunks(noted));
  process.stdout.write(`Wrote the requests of ${tally.cases} cases (${(tally.bytes / 1e6).toFixed(0)} MB) to ${file}\n`);
}

async function main(): Promise<void> {
  if (!existsSync(file)) await writeRequests();
  rmSync(dataDirectory, { recursive: true, force: true });
  mkdirSync(dataDirectory, { recursive: true });
  const configuration = loadConfiguration({ ...process.env, DATA_DIR: dataDirectory });
  // The importer's own stores and recorder (its page caches, its checkpoint thread), as the CLI opens them.
  const importer = await openImporterServices(configuration, { checkpoints });
  timedAppends(importer.services.repository);
  const journal = new ImportJournal(join(dataDirectory, 'imports', 'bench'));
  journal.create(newImportStatus('bench', OPERATOR, { format: 'ndjson', fileName: file, bytesTotal: statSync(file).size, dryRun: false }, new Date()));

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    sampleThreads();
    sampleSchedules();
    sampleWal();
  }, 100);
  const loadBefore = loadavg()[0];
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  sampleThreads();
  sampleSchedules();
  const threadsBefore = new Map(threadCpu);
  const schedulesBefore = new Map(schedules);
  let reported = 0;
  const status = await processImport(journal, file, importer.services, {
    batchSize,
    validationThread,
    onProgress: ({ tally }) => {
      if (tally.linesRead - reported < 100_000) return;
      reported = tally.linesRead;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(`  ${tally.linesRead} lines in ${seconds.toFixed(0)} s, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB\n`);
    },
  }, ndjsonSource);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The import's own CPU time (user and system), which other processes on the machine hardly change: its pace on a machine to itself.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sampleThreads();
  sampleSchedules();
  const threadSeconds = [...threadCpu].map(([thread, seconds]) => ({ thread, seconds: seconds - (threadsBefore.get(thread) ?? 0) }));
  const mainCpu = threadSeconds.find(({ thread }) => thread === process.pid)?.seconds;
  const busiestOther = threadSeconds.filter(({ thread }) => thread !== process.pid).sort((a, b) => b.seconds - a.seconds)[0]?.seconds;
  const perThousandLines = (seconds: number) => ((1000 * seconds) / status.tally.linesRead).toFixed(3);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const stored = status.tally.accepted;
  process.stdout.write(
    [
      `Imported ${status.tally.linesRead} lines (${(status.bytesTotal / 1e6).toFixed(0)} MB): ${stored} accepted, ${status.tally.replayed} replayed, ${status.tally.rejected} rejected, state ${status.state}`,
      `  ${seconds.toFixed(1)} s: ${Math.round(stored / seconds)} events/s (target ≥ 10,000)`,
      `  ${cpuSeconds.toFixed(1)} s of CPU (all threads): ${Math.round(stored / cpuSeconds)} events per CPU second, ${perThousandLines(cpuSeconds)} s per 1,000 lines`,
      ...(mainCpu === undefined ? [] : [`  main thread ${mainCpu.toFixed(1)} s (${perThousandLines(mainCpu)} s per 1,000 lines), busiest other thread ${(busiestOther ?? 0).toFixed(1)} s (${perThousandLines(busiestOther ?? 0)})`]),
      ...scheduleLines(seconds, schedulesBefore),
      `  the store's batch appends: ${inStore.calls}, ${inStore.wall.toFixed(1)} s (${((100 * inStore.wall) / seconds).toFixed(0)} % of the run): on a CPU ${inStore.running.toFixed(1)} s, waiting for one ${inStore.runnable.toFixed(1)} s, asleep ${(inStore.wall - inStore.running - inStore.runnable).toFixed(1)} s`,
      `  the store's log: checkpoints ${checkpoints}, its file at most ${(peakWalBytes / 2 ** 20).toFixed(1)} MiB`,
      `  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (target < 250 MB)`,
      `  ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
    ].join('\n') + '\n',
  );
  await importer.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
