/**
 * Ingestion benchmark: the generator's bench profile (100,000 cases, about 1.29 million events) as the
 * requests agencies would send, imported into a fresh embedded store through the import's own path
 * (the recorder, batches of cases, the batch append). Reports events stored per second and the
 * process's peak RSS.
 *
 *   npm run bench:ingestion -- [--cases=N] [--file=/tmp/cj-bench-requests.ndjson] [--data-dir=/tmp/cj-bench-import] [--batch-lines=N] [--validation-thread=on|off]
 *
 * The file is written first when missing (about 750 MB for the whole profile; kept for the next run),
 * and the data folder is emptied before the import.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '@case-journey/access';
import type { VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { PersonalDataVault } from '@case-journey/personal-data';
import { loadConfiguration, openVictimKeyStore } from '@case-journey/platform';
import type { SealPersonalData } from '@case-journey/synthetic';
import { CaseStreamRepository } from '../../apps/api/src/cases/case-stream.repository';
import { HandoffRecorder } from '../../apps/api/src/cases/handoff-recorder';
import { ImportJournal, newImportStatus } from '../../apps/api/src/imports/import-journal';
import { processImport } from '../../apps/api/src/imports/process-import';
import { ndjsonSource } from '../../apps/api/src/imports/record-sources';

const option = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const cases = option('cases') ? Number(option('cases')) : undefined;
const file = option('file') ?? `/tmp/cj-bench-requests${cases ? `-${cases}` : ''}.ndjson`;
const dataDirectory = option('data-dir') ?? '/tmp/cj-bench-import';
const batchSize = option('batch-lines') ? Number(option('batch-lines')) : undefined;
const validationThread = option('validation-thread') === undefined ? undefined : option('validation-thread') === 'on';

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
  const store = SqliteEventStore.open({ dataDirectory });
  const keys = openVictimKeyStore(configuration);
  const repository = new CaseStreamRepository(store);
  const recorder = new HandoffRecorder(repository, configuration, new PersonalDataVault(keys));
  const journal = new ImportJournal(join(dataDirectory, 'imports', 'bench'));
  journal.create(newImportStatus('bench', OPERATOR, { format: 'ndjson', fileName: file, bytesTotal: statSync(file).size, dryRun: false }, new Date()));

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    sampleThreads();
  }, 100);
  const loadBefore = loadavg()[0];
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  sampleThreads();
  const threadsBefore = new Map(threadCpu);
  let reported = 0;
  const status = await processImport(journal, file, { recorder, repository, configuration, clock: { now: () => new Date() } }, {
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
      `  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (target < 250 MB)`,
      `  ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
    ].join('\n') + '\n',
  );
  await store.close();
  keys.close?.();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
