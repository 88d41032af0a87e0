/**
 * Ingestion memory benchmark: imports about a gigabyte of NDJSON (the generator's bench profile as the
 * requests agencies would send, with as many cases as fill the size asked for) through the README's
 * own command, `npm run import`, into a fresh embedded store, and samples the resident memory of the
 * importing process and of every process under it while it runs. Prints RSS over time and the peaks.
 *
 *   npm run bench:ingestion-memory -- [--bytes=1e9] [--file=/tmp/cj-bench-requests-1e9.ndjson] [--data-dir=/tmp/cj-bench-import-memory] [--seconds=N]
 *
 * The file is written first when missing and kept for the next run (delete it when done: it is a
 * gigabyte); the data folder is emptied before the import. --seconds stops the import after that
 * long (SIGINT, as an operator would), for a run that cannot wait for the whole file: the samples
 * still show whether RSS stays flat. The peak of the importer is the kernel's own (VmHWM), not only
 * the samples'.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import type { VictimPersonalData } from '@case-journey/domain';
import type { SealPersonalData } from '@case-journey/synthetic';
import { benchOptions } from './bench-options';

const ROOT = join(__dirname, '../..');
const options = benchOptions({
  bytes: { type: 'integer', default: 1e9 },
  file: { type: 'string' },
  'data-dir': { type: 'string', default: '/tmp/cj-bench-import-memory' },
  seconds: { type: 'number' },
});
const bytesWanted = options.bytes;
/** Named by the size as written in exponent form (1e9 for a gigabyte), so that the file is kept for the next run of the same size. */
const file = options.file ?? `/tmp/cj-bench-requests-${bytesWanted.toExponential().replace('+', '')}.ndjson`;
const dataDirectory = options['data-dir'];
const stopAfterSeconds = options.seconds;
const SAMPLE_MS = 250;
const MIB = 2 ** 20;
/** The bench profile's requests run to about 4,500 bytes a case (142,858 cases made 645 MB): fewer asked for, cut at the size. */
const BYTES_PER_CASE = 4_000;

/** Whole cases of the bench profile until the file holds `bytesWanted`. */
async function writeRequests(): Promise<void> {
  const { BENCH_PROFILE, generateCases, requestChunks } = await import('@case-journey/synthetic');
  const { VICTIMS_CODE_2020, WorkingDayCalendar } = await import('@case-journey/victims-code');
  const { seededSealer } = await import('../../apps/generator/src/seeded-sealer');
  const { fileSink, writeNdjson } = await import('../../apps/generator/src/write-ndjson');
  const sealer = seededSealer(42);
  const noted = new Map<string, VictimPersonalData>();
  const seal: SealPersonalData = (victimId, details) => (noted.set(victimId, details), sealer(victimId, details));
  const cases = Math.max(BENCH_PROFILE.cases, Math.ceil(bytesWanted / BYTES_PER_CASE));
  const generated = generateCases(BENCH_PROFILE, { seed: 42, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, cases, seal });
  const chunksOf = requestChunks(noted);
  function* upTo(all: Iterable<string>): Generator<string> {
    let bytes = 0;
    for (const chunk of all) {
      if (bytes >= bytesWanted) return;
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  }
  const started = Date.now();
  const tally = await writeNdjson(generated, fileSink(file), (all) => upTo(chunksOf(all)));
  process.stdout.write(`Wrote the requests of ${tally.cases} cases (${tally.events} events, ${(tally.bytes / 1e6).toFixed(0)} MB) to ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

interface ProcessMemory {
  pid: number;
  command: string;
  /** node itself, not the shell npm runs it with. */
  node: boolean;
  rssBytes: number;
  peakBytes: number;
  /** Of the RSS: anonymous memory (the threads' heaps, malloc: SQLite, messages, V8's own), and file-backed (node's code, libraries). */
  anonBytes: number;
  fileBytes: number;
}

function memoryOf(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, command, node: basename(command.split(' ')[0]) === 'node', rssBytes: kib('VmRSS'), peakBytes: kib('VmHWM'), anonBytes: kib('RssAnon'), fileBytes: kib('RssFile') };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** The process and everything under it, from the kernel's own lists of children. */
function tree(pid: number): ProcessMemory[] {
  const found: ProcessMemory[] = [];
  const visit = (id: number): void => {
    const memory = memoryOf(id);
    if (!memory) return;
    found.push(memory);
    let children: number[] = [];
    try {
      children = readdirSync(`/proc/${id}/task`).flatMap((task) => readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      /* gone meanwhile */
    }
    children.forEach(visit);
  };
  visit(pid);
  return found;
}

function linesStored(): number {
  const imports = join(dataDirectory, 'imports');
  if (!existsSync(imports)) return 0;
  const [folder] = readdirSync(imports).filter((name) => name.startsWith('cli-'));
  try {
    return folder ? (JSON.parse(readFileSync(join(imports, folder, 'status.json'), 'utf8')) as { checkpoint: { line: number } }).checkpoint.line : 0;
  } catch {
    return 0; // being replaced at that moment
  }
}

const BARS = '▁▂▃▄▅▆▇█';

/** One character per stretch of the run: the highest RSS sampled in it, on a scale from `bottom` to `top` (below it, the lowest bar). */
function sparkline(samples: readonly number[], bottom: number, top: number, width = 72): string {
  const per = Math.max(1, Math.ceil(samples.length / width));
  let line = '';
  for (let at = 0; at < samples.length; at += per) {
    const highest = Math.max(...samples.slice(at, at + per));
    line += BARS[Math.max(0, Math.min(BARS.length - 1, Math.floor(((highest - bottom) / Math.max(1, top - bottom)) * BARS.length)))];
  }
  return line;
}

async function main(): Promise<void> {
  if (!existsSync(file)) await writeRequests();
  const size = statSync(file).size;
  rmSync(dataDirectory, { recursive: true, force: true });
  mkdirSync(dataDirectory, { recursive: true });
  const loadBefore = loadavg();
  const started = Date.now();
  const child = spawn('npm', ['run', '-s', 'import', '--', file], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const importerSamples: number[] = [];
  let importerPeak = 0;
  let highestSample: ProcessMemory | undefined;
  let treePeak = 0;
  let lastReport = 0;
  const sample = (): void => {
    const processes = tree(child.pid!);
    const importer = processes.find((p) => p.node && p.command.includes('import-cli'));
    treePeak = Math.max(treePeak, processes.reduce((sum, p) => sum + p.rssBytes, 0));
    if (!importer) return;
    importerSamples.push(importer.rssBytes);
    if (importer.rssBytes > (highestSample?.rssBytes ?? 0)) highestSample = importer;
    importerPeak = Math.max(importerPeak, importer.peakBytes, importer.rssBytes);
    const seconds = (Date.now() - started) / 1000;
    if (seconds - lastReport >= 60) {
      lastReport = seconds;
      process.stdout.write(`  ${seconds.toFixed(0)} s: ${linesStored()} lines stored, importer RSS ${(importer.rssBytes / MIB).toFixed(0)} MiB (peak so far ${(importerPeak / MIB).toFixed(0)} MiB), load ${loadavg()[0].toFixed(1)}\n`);
    }
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  const stopper = stopAfterSeconds === undefined ? undefined : setTimeout(() => {
    const importer = tree(child.pid!).find((p) => p.node && p.command.includes('import-cli'));
    if (importer) process.kill(importer.pid, 'SIGINT');
  }, stopAfterSeconds * 1000);
  const code = await exited;
  clearInterval(sampler);
  if (stopper) clearTimeout(stopper);
  const seconds = (Date.now() - started) / 1000;
  const lines = linesStored();
  const steady = importerSamples.slice(Math.floor(importerSamples.length / 10));
  const [first, last] = [steady.slice(0, Math.ceil(steady.length / 4)), steady.slice(-Math.ceil(steady.length / 4))];
  const highest = (values: number[]) => (values.length ? Math.max(...values) / MIB : 0);
  // Scaled from the lowest sample once started (after the first tenth), so that a drift of a few MiB shows.
  const bottom = steady.length ? Math.min(...steady) : 0;
  process.stdout.write(
    [
      output.trim(),
      `Imported ${lines} lines of ${file} (${(size / 1e6).toFixed(0)} MB) in ${seconds.toFixed(0)} s through npm run import (exit ${code}${stopAfterSeconds !== undefined ? `, stopped after ${stopAfterSeconds} s if not done` : ''}): ${Math.round(lines / seconds)} lines/s`,
      `  importer peak RSS ${(importerPeak / MIB).toFixed(0)} MiB = ${(importerPeak / 1e6).toFixed(0)} MB (target < 250 MB); with npm and the build step above it, ${(treePeak / MIB).toFixed(0)} MiB at most at once`,
      `  at its highest sample, ${((highestSample?.rssBytes ?? 0) / MIB).toFixed(0)} MiB: anonymous ${((highestSample?.anonBytes ?? 0) / MIB).toFixed(0)} MiB (both threads' heaps, malloc), file-backed ${((highestSample?.fileBytes ?? 0) / MIB).toFixed(0)} MiB (node's code and libraries)`,
      `  importer RSS over the run, ${importerSamples.length} samples every ${SAMPLE_MS} ms, scale ${(bottom / MIB).toFixed(0)}–${(importerPeak / MIB).toFixed(0)} MiB:`,
      `  ${sparkline(importerSamples, bottom, importerPeak)}`,
      `  highest in the first quarter after the first tenth ${highest(first).toFixed(0)} MiB, in the last quarter ${highest(last).toFixed(0)} MiB`,
      `  ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadavg().map((l) => l.toFixed(1)).join(' ')} after`,
    ].join('\n') + '\n',
  );
  if (code !== 0 && stopAfterSeconds === undefined) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
