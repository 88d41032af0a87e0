import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { CRIME_REPORT_EXAMPLE, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { dropRedisKeys } from '../e2e/redis-keys';
import { freePort } from '../support/free-port';
import { startApp, type AppProcess } from './worker-processes';

/** Chosen free when the suite starts, so parallel runs never meet on it. */
let port = 0;
const CASES = 12;
const WRITES_PER_CASE = 6;
const IN_FLIGHT = 12;

interface Answer {
  status: number;
  body: string;
}

/** One request on a connection of its own (no keep-alive), so the cluster hands each to a process afresh. */
function call(method: string, path: string, authorization: string, body?: object): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const sent = httpRequest(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { authorization, ...(payload && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

/** Runs `tasks` with at most `limit` at once. */
async function inFlight<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < tasks.length) {
      const at = next++;
      results[at] = await tasks[at]();
    }
  }));
  return results;
}

describe('two API processes behind one port and two workers, through a burst of writes and reads', () => {
  const prefix = `cj-cluster-${process.pid}`;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-cluster-'));
  let issuer: TestIssuer;
  let api: AppProcess;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    port = await freePort();
    const shared = { DATA_DIR: dataDirectory, REDIS_KEY_PREFIX: prefix, EVENT_STORE: 'embedded' };
    api = startApp('api', { ...shared, ...issuer.environment, LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', API_PROCESSES: '2', RATE_LIMIT_PER_MINUTE: '100000' });
    for (let i = 0; i < 2; i++) workers.push(startApp('worker', { ...shared, WORKER_METRICS_PORT: '0' }));
    await Promise.all([api.said(/2 API processes share the port/), ...workers.map((worker) => worker.said(/case-journey worker running/))]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api, ...workers].map((app) => app?.kill('SIGTERM')));
    await issuer?.stop();
    await dropRedisKeys(prefix);
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('answers every request as it should, from both processes, and counts them all in /metrics', async () => {
    const officer = `Bearer ${await issuer.token({ subject: 'police.officer', roles: ['case-progression', 'witness-care'], agency: 'Police', areas: ['Wessex'] })}`;
    const admin = `Bearer ${await issuer.token({ subject: 'operator', roles: ['admin'] })}`;
    const { agency: _agency, ...report } = CRIME_REPORT_EXAMPLE;
    const { agency: _contactAgency, ...contact } = HANDOFF_EXAMPLES.VictimInformed;

    const opened = await inFlight(IN_FLIGHT, Array.from({ length: CASES }, (_, i) => () => call('POST', '/cases', officer, { ...report, area: 'Wessex', sourceReference: `CLUSTER-${i}` })));
    expect(opened.map(({ status }) => status)).toEqual(Array(CASES).fill(201));
    const caseIds = opened.map(({ body }) => JSON.parse(body).caseId as string);

    // Writes to every case and reads of every kind, interleaved; a write of a case waits for none of its others.
    const burst = caseIds.flatMap((caseId, i) =>
      Array.from({ length: WRITES_PER_CASE }, (_, n) => [
        { expected: 201, send: () => call('POST', `/cases/${caseId}/events`, officer, { ...contact, sourceReference: `CLUSTER-${i}-C${n}`, occurredAt: `2025-03-0${5 + (n % 4)}T09:00:00Z` }) },
        { expected: 200, send: () => call('GET', `/cases/${caseId}`, officer) },
        { expected: 200, send: () => call('GET', `/cases/${caseId}/events`, officer) },
        { expected: 200, send: () => call('GET', '/worklists/witness-care?agency=Police', officer) },
      ]).flat(),
    );
    const answers = await inFlight(IN_FLIGHT, burst.map(({ send }) => send));
    const wrong = answers.flatMap((answer, i) => (answer.status === burst[i].expected ? [] : [`${burst[i].expected} expected, got ${answer.status}: ${answer.body.slice(0, 200)}`]));
    expect(wrong).toEqual([]);

    // Every write reached the store and, through whichever worker owns the projection, the timeline.
    for (const caseId of caseIds) {
      const history = JSON.parse((await call('GET', `/cases/${caseId}/events`, officer)).body) as { events: Array<{ metadata: { eventId: string } }> };
      expect(history.events).toHaveLength(1 + WRITES_PER_CASE);
      const eventIds = history.events.map((event) => event.metadata.eventId);
      for (const deadline = Date.now() + 20_000; ; await sleep(100)) {
        const timeline = await call('GET', `/cases/${caseId}/timeline`, officer);
        if (timeline.status === 200 && eventIds.every((eventId) => timeline.body.includes(eventId))) break;
        if (Date.now() > deadline) throw new Error(`The timeline of ${caseId} did not show its ${WRITES_PER_CASE} contacts: ${timeline.status} ${timeline.body.slice(0, 300)}`);
      }
    }

    // Both processes served: each request's log line names the process (pino's pid).
    const servedBy = new Set(
      api
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{') && line.includes('"request completed"'))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );
    expect(servedBy.size).toBe(2);

    // A scrape reaching either process gives both processes' counts, added up.
    const metrics = (await call('GET', '/metrics', admin)).body;
    const written = metrics.split('\n').find((line) => line.startsWith('http_request_duration_seconds_count{') && line.includes('route="/cases/:id/events"') && line.includes('method="POST"') && line.includes('status="201"'));
    expect(Number(written?.slice(written.lastIndexOf(' ') + 1))).toBe(CASES * WRITES_PER_CASE);
  }, 240_000);
});
