/**
 * Case finder benchmark on the generator's bench profile (100,000 cases in four areas).
 *   npm run bench:finder -- [--cases=100000] [--queries=300] [--prefix=cjbench-finder-kept --keep]
 * 1. Load: every case is generated and judged by the Victims' Code engine at the profile's clock,
 *    and its finder entry written to Redis exactly as the projection writes it (`writeFinderChanges`),
 *    without the event store in between (the projections benchmark measures the catch-up).
 * 2. Queries: a mix of searches a user makes (every case; one area; area and stage; waiting on the
 *    court with a breach; a URN; an agency's reference; a rare offence with enhanced rights; a
 *    month's openings; the 20th page of an area by cursor; open cases without a breach in one's own
 *    two areas), each answered by `CaseFinderReader.find`, one at a time. Latency per query, end to
 *    end from this process: Redis round trip, the Lua script and parsing the page.
 * Everything written to Redis is deleted at the end unless --keep.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { BatchWrites, caseObligationsOf, CaseFinderReader, keyPages, OBLIGATIONS, ProjectionKeys, ProjectionVersions, writeFinderChanges, type CaseFinderQuery } from '@case-journey/projections';
import { BENCH_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { benchOptions } from './bench-options';

const options = benchOptions({
  cases: { type: 'integer', default: BENCH_PROFILE.cases },
  queries: { type: 'integer', default: 300 },
  prefix: { type: 'string', default: `cjbench-finder-${process.pid}` },
  keep: { type: 'boolean' },
});
const CASES = options.cases;
const QUERIES = options.queries;
const KEEP = options.keep;
const { prefix } = options;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = new Date(BENCH_PROFILE.now);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => value.toFixed(2);

async function sent(redis: Redis, writes: BatchWrites): Promise<void> {
  const transaction = redis.multi();
  writes.sendInto(transaction);
  await transaction.exec();
}

async function load(redis: Redis, keys: ProjectionKeys): Promise<{ urns: string[]; references: string[] }> {
  const calendar = new WorkingDayCalendar();
  const seal = (victimId: string) => ({ keyId: `victim-${victimId}`, algorithm: 'aes-256-gcm' as const, iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' });
  const urns: string[] = [];
  const references: string[] = [];
  let writes = new BatchWrites();
  let queued = 0;
  const started = performance.now();
  let index = 0;
  for (const generated of generateCases(BENCH_PROFILE, { seed: 7, cases: CASES, calendar, rulebook: VICTIMS_CODE_2020, seal })) {
    const reading = caseObligationsOf(generated.caseId, generated.events, NOW, calendar);
    if (!reading.finder) continue;
    writeFinderChanges(writes, keys, null, reading.finder);
    if (index % 997 === 0) {
      if (reading.finder.urn) urns.push(reading.finder.urn);
      references.push(reading.finder.sourceReferences[reading.finder.sourceReferences.length - 1]);
    }
    index += 1;
    if (++queued === 500) {
      await sent(redis, writes);
      writes = new BatchWrites();
      queued = 0;
      if (index % 10_000 === 0) process.stdout.write(`  ${index} cases loaded (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  }
  await sent(redis, writes);
  await new ProjectionVersions(redis, prefix).switchTo(keys);
  return { urns, references };
}

async function main(): Promise<void> {
  console.log(`Case finder benchmark: ${CASES} cases of the bench profile, ${QUERIES} queries of each kind, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const redis = new Redis(REDIS_URL);
  const keys = new ProjectionKeys(prefix, OBLIGATIONS, 1);
  try {
    const known = (await redis.exists(keys.key('finder', 'opened'))) === 1;
    const samples = known ? { urns: [] as string[], references: [] as string[] } : await load(redis, keys);
    const finder = new CaseFinderReader(redis, new ProjectionVersions(redis, prefix));
    const areas = (await finder.areas()).map((area) => area.area);
    console.log(`  areas: ${(await finder.areas()).map((area) => `${area.area} ${area.cases}`).join(', ')}`);
    const [first, second] = areas;
    const cursorDeep = async () => {
      let after: CaseFinderQuery['after'];
      for (let page = 0; page < 19; page++) after = (await finder.find({ area: first, limit: 50, now: NOW, after })).next ?? undefined;
      return after;
    };
    const deep = await cursorDeep();
    const sampleUrn = samples.urns.length > 0 ? samples.urns : [(await finder.find({ limit: 1, now: NOW })).items[0].urn!];
    const sampleReference = samples.references.length > 0 ? samples.references : [];
    const kinds: Array<[string, (i: number) => Omit<CaseFinderQuery, 'now'>]> = [
      ['every case, first page', () => ({ limit: 50 })],
      ['one area', () => ({ area: first, limit: 50 })],
      ['area and stage', () => ({ area: second, stages: ['trial'], limit: 50 })],
      ['waiting on HMCTS with a breach', () => ({ waitingOn: ['HMCTS'], hasBreaches: true, limit: 50 })],
      ['URN', (i) => ({ urn: sampleUrn[i % sampleUrn.length].toLowerCase(), limit: 50 })],
      ...(sampleReference.length > 0 ? [['source reference', (i: number) => ({ sourceReference: sampleReference[i % sampleReference.length], limit: 50 })] as [string, (i: number) => Omit<CaseFinderQuery, 'now'>]] : []),
      ['rare offence, enhanced rights', () => ({ offenceCategories: ['arson-endangering-life'], enhanced: true, limit: 50 })],
      ['opened in a month', () => ({ openedFromMs: Date.parse('2024-11-01T00:00:00Z'), openedToMs: Date.parse('2024-11-30T23:59:59.999Z'), limit: 50 })],
      ['20th page of an area, by cursor', () => ({ area: first, after: deep, limit: 50 })],
      ['own two areas, open, no breach', () => ({ areas: [first, second], closed: false, hasBreaches: false, limit: 50 })],
    ];
    const all: number[] = [];
    for (const [name, queryOf] of kinds) {
      for (let i = 0; i < 20; i++) await finder.find({ ...queryOf(i), now: NOW }); // warm-up
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < QUERIES; i++) {
        const start = performance.now();
        const page = await finder.find({ ...queryOf(i), now: NOW });
        times.push(performance.now() - start);
        found += page.items.length;
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      console.log(`  ${name.padEnd(34)} median ${ms(percentile(times, 50))} ms, p99 ${ms(percentile(times, 99))} ms, ${(found / QUERIES).toFixed(1)} cases a page`);
    }
    all.sort((a, b) => a - b);
    console.log(`All ${all.length} queries: median ${ms(percentile(all, 50))} ms, p90 ${ms(percentile(all, 90))} ms, p99 ${ms(percentile(all, 99))} ms (target p99 < 20 ms); load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    if (!KEEP) for await (const page of keyPages(redis, `${prefix}:*`)) await redis.unlink(...page);
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
