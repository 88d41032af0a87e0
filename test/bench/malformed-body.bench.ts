/**
 * What a hostile body costs the API: the time to answer it, the size of the answer, and how long
 * the event loop stood still meanwhile (the longest stall seen by a 1 ms timer). Rerun with
 *   npm run bench:malformed-body
 * The API runs in process on an in-memory event store; Redis is not touched by these routes.
 * The figures before and after the fix are in the README (Benchmarks).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration, systemClock } from '@case-journey/platform';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { CRIME_REPORT_EXAMPLE } from '../../apps/api/src/cases/dto';

const ROUNDS = 5;

/** The body the trial sent: a valid crime report with 90,000 unknown keys, about 956 KB. */
function unknownKeys(count: number): string {
  const junk = Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 1]));
  return JSON.stringify({ ...CRIME_REPORT_EXAMPLE, ...junk });
}

const BODIES: Array<[string, () => string]> = [
  ['90,000 unknown keys at the top level', () => unknownKeys(90_000)],
  ['90,000 unknown keys inside one victim', () => JSON.stringify({ ...CRIME_REPORT_EXAMPLE, victims: [{ ...CRIME_REPORT_EXAMPLE.victims[0], ...JSON.parse(unknownKeys(90_000)) }] })],
  ['100,000 victims of one number each', () => JSON.stringify({ ...CRIME_REPORT_EXAMPLE, victims: Array.from({ length: 100_000 }, () => 1) })],
  ['nesting 10,000 deep', () => JSON.stringify({ ...CRIME_REPORT_EXAMPLE, offence: '__NEST__' }).replace('"__NEST__"', '['.repeat(10_000) + ']'.repeat(10_000))],
];

async function main(): Promise<void> {
  const issuer = await TestIssuer.start();
  const authorization = `Bearer ${await issuer.token({ subject: 'bench.police', roles: ['case-progression'], agency: 'Police', areas: ['Hertfordshire'] })}`;
  const app = await createApi(loadConfiguration({ REDIS_KEY_PREFIX: `cj-bench-${process.pid}`, RATE_LIMIT_PER_MINUTE: '1000000', ...issuer.environment }), {
    eventStore: SqliteEventStore.inMemory(),
    victimKeyStore: new InMemoryVictimKeyStore(),
    clock: systemClock, // also quietens the log to warnings and errors
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`body | KB | status | answer time (median of ${ROUNDS}) | answer KB | longest event-loop stall (worst of ${ROUNDS})`);
  for (const [name, make] of BODIES) {
    const body = make();
    const rounds: Array<{ ms: number; stall: number; status: number; bytes: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      let stall = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        stall = Math.max(stall, now - last);
        last = now;
      }, 1);
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
      const answer = await response.arrayBuffer();
      const ms = performance.now() - started;
      clearInterval(timer);
      rounds.push({ ms, stall, status: response.status, bytes: answer.byteLength });
    }
    const median = [...rounds].sort((a, b) => a.ms - b.ms)[Math.floor(ROUNDS / 2)];
    const stall = Math.max(...rounds.map((round) => round.stall));
    console.log(`${name} | ${(Buffer.byteLength(body) / 1024).toFixed(0)} | ${median.status} | ${median.ms.toFixed(0)} ms | ${(median.bytes / 1024).toFixed(1)} | ${stall.toFixed(0)} ms`);
  }
  await app.close();
  await issuer.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
