/**
 * Synthetic generator benchmark: writes the `bench` profile (100,000 cases) as NDJSON to a temp
 * file, exactly as the CLI does (seeded vault, working-day calendar, Code rulebook), and reports
 * events per second. Rerun with
 *   node -r @swc-node/register test/bench/generator.bench.ts [--cases 20000] [--seed 42]
 * Target: at least 50,000 events/s on a 2-core machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { seededSealer } from '../../apps/generator/src/seeded-sealer';
import { fileSink, writeNdjson } from '../../apps/generator/src/write-ndjson';
import { benchOptions } from './bench-options';

const TARGET_EVENTS_PER_SECOND = 50_000;

async function main(): Promise<void> {
  const { cases, seed } = benchOptions({ cases: { type: 'integer', default: BENCH_PROFILE.cases }, seed: { type: 'integer', default: 42 } });
  const dir = mkdtempSync(join(tmpdir(), 'generator-bench-'));
  const path = join(dir, 'bench.ndjson');
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  try {
    const calendar = new WorkingDayCalendar();
    const options = { seed, cases, calendar, rulebook: VICTIMS_CODE_2020, seal: seededSealer(seed) };
    const started = performance.now();
    const tally = await writeNdjson(generateCases(BENCH_PROFILE, options), fileSink(path));
    const seconds = (performance.now() - started) / 1000;
    const rate = tally.events / seconds;
    console.log(`bench profile, seed ${seed}: ${tally.cases} cases, ${tally.events} events (${(tally.events / tally.cases).toFixed(1)} a case), ${(tally.bytes / 1e6).toFixed(0)} MB`);
    console.log(`${seconds.toFixed(1)} s: ${Math.round(rate).toLocaleString('en-GB')} events/s, ${Math.round(tally.cases / seconds).toLocaleString('en-GB')} cases/s, ${(tally.bytes / 1e6 / seconds).toFixed(0)} MB/s`);
    console.log(rate >= TARGET_EVENTS_PER_SECOND ? `meets the target of ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-GB')} events/s` : `BELOW the target of ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-GB')} events/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
