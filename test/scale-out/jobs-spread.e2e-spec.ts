import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type { VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { loadConfiguration } from '@case-journey/platform';
import { bullConnection, bullPrefix, JobQueues, PROJECTION_NAMES, requestRebuild } from '@case-journey/projections';
import { DEMO_PROFILE, generateCases, requestRecords, type GeneratedCase } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { IMPORTS_QUEUE } from '../../apps/api/src/imports/import-queue';
import { aCrimeReport, appendEvents, aVictim } from '../../libs/projections/src/testing/case-events';
import { RecordingSealer } from '../../libs/synthetic/src/testing/recording-sealer';
import { dropRedisKeys } from '../e2e/redis-keys';
import { freePort } from '../support/free-port';
import { startApp, type AppProcess } from './worker-processes';

const CASES = 30;
const IMPORTS = 4;
const DAY_MS = 86_400_000;

/** GETs or POSTs on a connection of its own, so the API cluster hands each request to a process afresh. */
function call(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, method, path, agent: false, headers: { ...headers, ...(body !== undefined && { 'content-length': Buffer.byteLength(body) }) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** `case_journey_jobs_total{queue,outcome="completed"}` as one worker's /metrics reports it (0 when it ran none). */
function completedIn(metrics: string, queue: string): number {
  const line = metrics.split('\n').find((text) => text.startsWith('case_journey_jobs_total{') && text.includes(`queue="${queue}"`) && text.includes('outcome="completed"'));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** A few demo cases' records as NDJSON files, one file per group of cases. */
function importFiles(count: number): string[] {
  const sealer = new RecordingSealer();
  const cases: GeneratedCase[] = [];
  for (const generated of generateCases(DEMO_PROFILE, { seed: 7, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })) {
    cases.push(generated);
    if (cases.length === count * 3) break;
  }
  const details = new Map<string, VictimPersonalData>(sealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
  return Array.from({ length: count }, (_, i) => [...requestRecords(cases.slice(i * 3, i * 3 + 3), (victimId) => details.get(victimId))].map((line) => `${JSON.stringify(line)}\n`).join(''));
}

/**
 * Issue 14, item 1: the jobs that are not projections (deadlines, webhook deliveries, rebuilds,
 * imports) are not owned by one process: BullMQ hands each to whichever process is free. Two worker
 * processes and two API processes (Node's cluster) run together; each worker counts the jobs it ran
 * per queue in its /metrics, and each import job names the API process that ran it (`processedBy`).
 */
describe('deadline, webhook, rebuild and import jobs, with two worker and two API processes', () => {
  const prefix = `cj-spread-${process.pid}`;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-spread-'));
  const connection = bullConnection(loadConfiguration({}).redisUrl);
  const queues = new JobQueues({ connection, prefix: bullPrefix(prefix) });
  const imports = new Queue(IMPORTS_QUEUE, { connection, prefix: bullPrefix(prefix) });
  const pushes: string[] = [];
  const workers: AppProcess[] = [];
  const metricsPorts: number[] = [];
  let api: AppProcess;
  let apiPort: number;
  let issuer: TestIssuer;
  let webhook: Server;
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = SqliteEventStore.open({ dataDirectory, pollIntervalMs: 10 });
    webhook = createServer((incoming, answer) => {
      incoming.resume();
      incoming.on('end', () => {
        pushes.push(String(incoming.headers['x-case-journey-delivery'] ?? ''));
        answer.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    issuer = await TestIssuer.start();
    apiPort = await freePort();
    const shared = { DATA_DIR: dataDirectory, EVENT_STORE: 'embedded', REDIS_KEY_PREFIX: prefix };
    api = startApp('api', { ...shared, ...issuer.environment, PORT: String(apiPort), HOST: '127.0.0.1', API_PROCESSES: '2', RATE_LIMIT_PER_MINUTE: '100000' });
    for (let i = 0; i < 2; i++) {
      metricsPorts.push(await freePort());
      workers.push(
        startApp('worker', {
          ...shared,
          WORKER_METRICS_PORT: String(metricsPorts[i]),
          // Breaches 20 days old are still pushed, so that each makes a webhook delivery.
          HISTORICAL_BREACH_HOURS: String(24 * 366),
          NOTIFICATION_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/breaches`,
          NOTIFICATION_WEBHOOK_SECRET: 'spread-test-webhook-secret',
        }),
      );
    }
    await Promise.all([api.said(/2 API processes share the port/), ...workers.map((worker) => worker.said(/case-journey worker running/))]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([api, ...workers].map((app) => app?.kill('SIGTERM')));
    await Promise.all([queues.close(), imports.close()]);
    await store.close();
    await issuer?.stop();
    await new Promise((resolve) => webhook.close(resolve));
    await dropRedisKeys(prefix);
    rmSync(dataDirectory, { recursive: true, force: true });
  }, 60_000);

  const scrape = async (): Promise<string[]> =>
    Promise.all(metricsPorts.map(async (port) => (await call(port, 'GET', '/metrics')).body));
  const idle = async (queue: 'deadlines' | 'webhooks' | 'rebuilds'): Promise<boolean> => {
    const depth = (await queues.depths())[queue];
    return depth.waiting + depth.active === 0;
  };
  const until = async (what: string, done: () => Promise<boolean>, withinMs = 90_000): Promise<void> => {
    for (const deadline = Date.now() + withinMs; !(await done()); await sleep(200)) {
      if (Date.now() > deadline) throw new Error(`${what} not within ${withinMs} ms:\n${workers.map((worker) => worker.output().slice(-1500)).join('\n')}`);
    }
  };

  it('has both worker processes run breach jobs and webhook deliveries', async () => {
    // Reported 20 days ago: each victim's referral (2 working days) is long overdue, so a breach job runs at once.
    const reportedAt = new Date(Date.now() - 20 * DAY_MS).toISOString();
    await appendEvents(store, Array.from({ length: CASES }, (_, i) => aCrimeReport(`spread-${i}`, reportedAt, [aVictim(`spread-v-${i}`)], 'Wessex')));
    await until('a breach pushed for every case', async () => new Set(pushes).size >= CASES);
    await until('the deadline and webhook queues drained', async () => (await idle('deadlines')) && (await idle('webhooks')));

    const metrics = await scrape();
    const deadlines = metrics.map((text) => completedIn(text, 'deadlines'));
    const webhooks = metrics.map((text) => completedIn(text, 'webhooks'));
    process.stdout.write(`Jobs per worker process: deadlines ${deadlines.join(' / ')}, webhooks ${webhooks.join(' / ')}\n`);
    for (const ran of [deadlines, webhooks]) {
      expect(ran.every((count) => count > 0)).toBe(true);
    }
    // Each delivery once, by one of the two: the counts add up to the pushes the receiver had.
    expect(webhooks[0] + webhooks[1]).toBe(pushes.length);
    expect(deadlines[0] + deadlines[1]).toBeGreaterThanOrEqual(CASES);
  }, 180_000);

  it('runs rebuilds asked at once one at a time, each building the next version', async () => {
    // Each projection twice in a row, as an operator asking twice would.
    const asked = await Promise.all(PROJECTION_NAMES.flatMap((projection) => [projection, projection]).map((projection) => requestRebuild(queues, projection)));
    await until('the rebuilds done', async () => (await idle('rebuilds')) && (await queues.rebuilds.getCompletedCount()) === asked.length);
    // Two at once of one projection would both have built the same next version, the second dropping what the first built.
    for (const projection of PROJECTION_NAMES) {
      const results = await Promise.all(asked.filter((status) => status.projection === projection).map(async (status) => (await queues.rebuilds.getJob(status.jobId))!.returnvalue as { fromVersion: number; toVersion: number }));
      const [first, second] = results.sort((a, b) => a.fromVersion - b.fromVersion);
      expect(second.fromVersion).toBe(first.toVersion);
      expect([first.toVersion - first.fromVersion, second.toVersion - second.fromVersion]).toEqual([1, 1]);
    }
  }, 240_000);

  it('has both worker processes run rebuilds asked one after another', async () => {
    const before = (await scrape()).map((text) => completedIn(text, 'rebuilds'));
    // A worker that has just finished one waits behind the other for the next (Redis wakes blocked clients in turn).
    for (const projection of [...PROJECTION_NAMES, PROJECTION_NAMES[0]]) {
      const { jobId } = await requestRebuild(queues, projection);
      await until(`rebuild ${jobId} done`, async () => (await queues.rebuilds.getJobState(jobId)) === 'completed');
    }
    const ran = (await scrape()).map((text, i) => completedIn(text, 'rebuilds') - before[i]);
    process.stdout.write(`Rebuilds per worker process: ${ran.join(' / ')}\n`);
    expect(ran.every((count) => count > 0)).toBe(true);
    expect(ran[0] + ran[1]).toBe(PROJECTION_NAMES.length + 1);
  }, 240_000);

  it('has both API processes run imports, whichever process took the upload', async () => {
    const authorization = `Bearer ${await issuer.token({ subject: 'ops.spread', roles: ['admin'], areas: [], sourceSystems: [] })}`;
    const ran: string[] = [];
    // One after another: imports run one at a time across the API processes, and a process that has
    // just finished one waits behind the other for the next.
    for (const file of importFiles(IMPORTS)) {
      const sent = await call(apiPort, 'POST', '/imports', { authorization, 'content-type': 'application/x-ndjson' }, file);
      expect(sent.status).toBe(202);
      const { id } = JSON.parse(sent.body) as { id: string };
      let state = '';
      for (const deadline = Date.now() + 60_000; state !== 'completed'; await sleep(100)) {
        const status = JSON.parse((await call(apiPort, 'GET', `/imports/${id}`, { authorization })).body) as { state: string; linesRead: number };
        state = status.state;
        if (state === 'failed' || Date.now() > deadline) throw new Error(`Import ${id} ${state}:\n${api.output().slice(-2000)}`);
      }
      // The import says it completed before its BullMQ job does: sent sooner, the next upload was taken
      // by the same process, straight from its job's completion (BullMQ fetches the next job then).
      await until(`import ${id}'s job completed`, async () => (await imports.getJobState(id)) === 'completed');
      ran.push((await imports.getJob(id))!.processedBy!);
    }
    process.stdout.write(`Imports run by: ${ran.join(', ')}\n`);
    expect(ran.every((runner) => /^.+:\d+$/.test(runner) && runner.split(':').pop() !== String(api.pid))).toBe(true);
    expect(new Set(ran).size).toBe(2);
  }, 240_000);
});
