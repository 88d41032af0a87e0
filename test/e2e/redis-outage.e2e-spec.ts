import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { bullPrefix, JobQueues, ProjectionVersions, TIMELINE } from '@case-journey/projections';
import Redis from 'ioredis';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { CRIME_REPORT_EXAMPLE, EXAMPLE_IDS, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { PrivateRedis } from './private-redis';

const READ_TIMEOUT_MS = 1000;
/** What a loaded test machine adds to the bound: scheduling, not waiting for Redis. */
const SLACK_MS = 600;
const NOW = new Date('2025-03-04T09:00:00.000Z');

/**
 * The read routes that do not read Redis: a case's state and history, a victim's details (the event
 * store and the key store), the audit log (the event store), the measures' definitions (data), an
 * import's status and rejections (not in Redis; unknown here) and liveness. They go on answering
 * while Redis is away, as recording handoffs does, never with a 5xx. Every other read route needs
 * Redis and answers 503 with Retry-After.
 */
const ANSWERED_WITHOUT_REDIS = new Set(['/cases/{id}', '/cases/{id}/events', '/cases/{id}/victims/{victimId}', '/audit', '/reports/measures', '/imports/{id}', '/imports/{id}/rejections', '/health/live']);

async function until(what: string, limitMs: number, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: { enum?: unknown[]; example?: unknown; default?: unknown } }>;
}

describe('a Redis outage: bounded 503s for what needs Redis, writes go on, the worker says it once', () => {
  const keyPrefix = `cjtest-outage-${process.pid}`;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-outage-'));
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  const overrides = { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock: { now: () => NOW } };
  let redis: PrivateRedis;
  let issuer: TestIssuer;
  let worker: INestApplicationContext;
  let api: INestApplication;
  let http: ReturnType<typeof request.agent>;
  let caseId: string;
  const said: Array<{ level: string; context: string; message: string }> = [];
  const printed: string[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    issuer = await TestIssuer.start();
    for (const level of ['log', 'warn', 'error'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...parts: unknown[]) {
        said.push({ level, context: (this as unknown as { context?: string }).context ?? '', message: String(parts[0]) });
      });
    }
    jest.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void printed.push(parts.map(String).join(' ')));
    const configuration = loadConfiguration({
      REDIS_URL: redis.url,
      DATA_DIR: dataDirectory,
      REDIS_KEY_PREFIX: keyPrefix,
      REDIS_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS),
      REDIS_LOSS_CHECK_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...issuer.environment,
    });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides));
    await worker.init();
    api = await createApi(configuration, overrides);
    await api.init();
    const token = await issuer.token({ subject: 'outage.officer', roles: ['case-progression', 'witness-care', 'board', 'admin', 'data-protection'], agency: 'Police', areas: ['Hertfordshire'] });
    http = request.agent(api.getHttpServer()).set('Authorization', `Bearer ${token}`);
  });

  afterAll(async () => {
    await redis?.restart().catch(() => undefined); // a test failing mid-outage leaves it stopped; the apps close only with it
    await api?.close();
    await worker?.close();
    await issuer?.stop();
    await redis?.dispose();
    rmSync(dataDirectory, { recursive: true, force: true });
    jest.restoreAllMocks();
  }, 90_000);

  const timelineTypes = async (): Promise<string[]> => {
    const response = await http.get(`/cases/${caseId}/timeline`);
    return response.status === 200 ? (response.body.entries as Array<{ type: string }>).map((entry) => entry.type) : [];
  };

  it('answers every read route that needs Redis, the rebuild route and an import, 503 with Retry-After within the bound; and never runs that rebuild later', async () => {
    caseId = (await http.post('/cases').send(CRIME_REPORT_EXAMPLE).expect(201)).body.caseId;
    await until('the crime report on the timeline', 5000, async () => (await timelineTypes()).includes('CrimeReported'));
    const document = (await http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, OpenApiOperation>> };
    const reads = Object.entries(document.paths).flatMap(([path, operations]) => (operations.get ? [{ path, operation: operations.get }] : []));
    expect(reads.length).toBeGreaterThanOrEqual(15);

    await redis.stop({ save: true });

    const answers: Array<{ path: string; status: number; retryAfter: string | undefined; ms: number; detail?: string }> = [];
    for (const { path, operation } of reads) {
      const started = Date.now();
      const response = await http.get(concrete(path, caseId)).query(requiredQuery(operation));
      answers.push({ path, status: response.status, retryAfter: response.headers['retry-after'], ms: Date.now() - started, detail: response.body?.detail });
    }
    const started = Date.now();
    const rebuild = await http.post(`/projections/${TIMELINE}/rebuild`);
    answers.push({ path: 'POST /projections/{name}/rebuild', status: rebuild.status, retryAfter: rebuild.headers['retry-after'], ms: Date.now() - started });
    const importStarted = Date.now();
    const upload = await http.post('/imports').set('Content-Type', 'application/x-ndjson').send('{}\n');
    answers.push({ path: 'POST /imports', status: upload.status, retryAfter: upload.headers['retry-after'], ms: Date.now() - importStarted });

    const expected = (answer: (typeof answers)[number]) =>
      answer.ms <= READ_TIMEOUT_MS + SLACK_MS && (ANSWERED_WITHOUT_REDIS.has(answer.path) ? answer.status < 500 : answer.status === 503 && answer.retryAfter === '5');
    expect(answers.filter((answer) => !expected(answer))).toEqual([]);
    expect(rebuild.body).toMatchObject({ status: 503, unavailable: 'redis' });
    // An import refused for want of Redis keeps nothing: its upload and status were removed, never run later.
    const importsDirectory = join(dataDirectory, 'imports');
    expect(existsSync(importsDirectory) ? readdirSync(importsDirectory) : []).toEqual([]);

    // Writes go on without Redis.
    await http.post(`/cases/${caseId}/events`).send({ ...HANDOFF_EXAMPLES.SuspectEventRecorded, occurredAt: '2025-03-04T08:30:00Z' }).expect(201);

    await redis.restart(); // with what it held when it stopped
    await until('the worker following again', 10_000, async () => (await timelineTypes()).includes('SuspectEventRecorded'));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a held-back rebuild request to arrive
    const queues = new JobQueues({ connection: { url: redis.url }, prefix: bullPrefix(keyPrefix) });
    const versions = new Redis(redis.url);
    try {
      const counts = await queues.rebuilds.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(0);
      expect((await new ProjectionVersions(versions, keyPrefix).reading(TIMELINE)).version).toBe(1);
    } finally {
      await queues.close();
      versions.disconnect();
    }
  });

  it('logged one line when Redis went and one when it came back', async () => {
    await until('the worker to say Redis is back', 15_000, async () => said.some((line) => line.context === 'Redis' && /answers again/.test(line.message)));
    const aboutRedis = said.filter((line) => line.context === 'Redis');
    expect(aboutRedis.map((line) => line.message.replace(/\(.*\)/, '(…)'))).toEqual([
      expect.stringMatching(/^Redis cannot be reached/),
      expect.stringMatching(/^Redis answers again after/),
    ]);
    // Every connection, queue and BullMQ worker of both apps hands its errors to someone: the
    // worker's RedisLink, or the API's request (503). Unhandled, each printed every reconnection attempt.
    expect(printed.filter((line) => /ioredis|ECONNREFUSED|Connection is closed|Unhandled error/.test(line))).toEqual([]);
  });
});

/** The route with its path parameters filled: the case recorded, its victim, and made-up ids (Redis is asked before they could be found unknown). */
function concrete(path: string, caseId: string): string {
  const values: Record<string, string> = { id: caseId, victimId: EXAMPLE_IDS.victim, jobId: '1', name: TIMELINE, measure: 'code-compliance' };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for the path parameter ${name} of ${path}: add one`);
    return values[name];
  });
}

/** A value for each required query parameter: its enum's first, its example, or its default. */
function requiredQuery(operation: OpenApiOperation): Record<string, string> {
  const values: Record<string, string> = { purpose: 'contact-about-hearing' };
  return Object.fromEntries(
    (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query' && parameter.required)
      .map((parameter) => [parameter.name, values[parameter.name] ?? String(parameter.schema?.enum?.[0] ?? parameter.schema?.example ?? parameter.schema?.default)]),
  );
}
