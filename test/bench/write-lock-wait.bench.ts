/**
 * Two processes appending to one chained stream of one embedded store, as two API processes append
 * the audit: how long each one's event loop is held, and what an append costs.
 *   npm run bench:lock-wait -- [--seconds=5] [--in-flight=8] [--rounds=3] [--against=<checkout>]
 * Each round starts two write-lock-writer.ts processes on a fresh file for `--seconds`, each with
 * `--in-flight` appends going. `--against=<checkout>` measures that checkout's store too (its own
 * node_modules linked), each round in turn, the order swapped every round; the load is printed
 * with every row, the machine being shared.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { benchOptions } from './bench-options';

const options = benchOptions({
  seconds: { type: 'number', default: 5 },
  'in-flight': { type: 'integer', default: 8 },
  rounds: { type: 'integer', default: 3 },
  against: { type: 'string', default: '' },
});
const run = promisify(execFile);
const HERE = resolve(__dirname, '../..');
/** Time for both writers to start (swc compiling at run time) before they begin together. */
const START_AFTER_MS = 5000;

interface Writer {
  appends: number;
  cpuMs: number;
  delayMs: { p50: number; p99: number; max: number };
}

async function round(checkout: string): Promise<Writer[]> {
  const directory = mkdtempSync(join(tmpdir(), 'cj-lock-wait-'));
  try {
    const startAt = String(Date.now() + START_AFTER_MS);
    const writer = () =>
      run(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'write-lock-writer.ts'), checkout, directory, startAt, String(options.seconds), String(options['in-flight'])], { cwd: checkout });
    const outputs = await Promise.all([writer(), writer()]);
    return outputs.map(({ stdout }) => JSON.parse(stdout) as Writer);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const figure = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const checkouts = [HERE, ...(options.against ? [resolve(options.against)] : [])];
  const rows: Record<string, string>[] = [];
  for (let index = 0; index < options.rounds; index++) {
    const order = index % 2 === 1 ? [...checkouts].reverse() : checkouts;
    for (const checkout of order) {
      const load = loadavg()[0].toFixed(2);
      const writers = await round(checkout);
      const appends = writers.reduce((sum, writer) => sum + writer.appends, 0);
      const cpuMs = writers.reduce((sum, writer) => sum + writer.cpuMs, 0);
      rows.push({
        checkout: checkout === HERE ? 'this' : checkout,
        round: String(index + 1),
        'load before': load,
        appends: figure(appends),
        'CPU µs per append': figure((1000 * cpuMs) / appends),
        'loop delay p99 ms, each writer': writers.map((writer) => figure(writer.delayMs.p99, 1)).join(' / '),
        'loop delay max ms, each writer': writers.map((writer) => figure(writer.delayMs.max, 1)).join(' / '),
      });
    }
  }
  console.log(`Two processes, ${options['in-flight']} appendAfterLast in flight each on one stream, ${options.seconds} s a round`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
