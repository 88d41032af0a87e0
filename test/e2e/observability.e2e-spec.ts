import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { caseStreamId } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { CRIME_REPORT_EXAMPLE, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { createApi } from '../../apps/api/src/create-api';
import { WorkerProbes } from '../../apps/worker/src/observability/worker-probes';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { dropRedisKeys } from './redis-keys';

const NOW = new Date('2025-03-04T09:00:00.000Z');

/** The value of one sample line of a Prometheus text exposition, or undefined when there is none. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && wanted.every((pair) => candidate.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const family = (exposition: string, name: string, type: string) => exposition.includes(`# TYPE ${name} ${type}\n`);

describe('observability: /metrics of the API and the worker, liveness and readiness, request ids in the events', () => {
  const prefix = `cj-observability-${process.pid}`;
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  const overrides = { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock: { now: () => NOW } };
  let issuer: TestIssuer;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof request>;
  let workerHttp: ReturnType<typeof request>;
  let admin: string;
  let officer: string;
  let caseId: string;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    const configuration = loadConfiguration({ REDIS_KEY_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '100000', WORKER_METRICS_PORT: '0', ...issuer.environment });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides), { logger: false });
    await worker.init();
    api = await createApi(configuration, overrides);
    await api.init();
    http = request(api.getHttpServer());
    workerHttp = request(`http://127.0.0.1:${worker.get(WorkerProbes).port}`);
    admin = `Bearer ${await issuer.token({ subject: 'operator', roles: ['admin'] })}`;
    officer = `Bearer ${await issuer.token({ subject: 'police.officer', roles: ['case-progression'], agency: 'Police', areas: ['Wessex'] })}`;

    const { agency: _agency, ...report } = CRIME_REPORT_EXAMPLE;
    const opened = await http.post('/cases').set('Authorization', officer).set('X-Request-Id', 'obs-report-1').send({ ...report, area: 'Wessex' }).expect(201);
    caseId = opened.body.caseId;
    const { agency: _contactAgency, ...contact } = HANDOFF_EXAMPLES.VictimInformed;
    await http.post(`/cases/${caseId}/events`).set('Authorization', officer).set('X-Request-Id', 'obs-contact-2').send({ ...contact, occurredAt: '2025-03-04T08:00:00Z' }).expect(201);
    await http.get(`/cases/${caseId}`).set('Authorization', officer).expect(200);
    await http.get('/cases/00000000-0000-4000-8000-000000000000').set('Authorization', officer).expect(404);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await issuer?.stop();
    await dropRedisKeys(prefix);
  });

  it("carries each request's id into the metadata of the event it recorded", async () => {
    const events = await store.readStream(caseStreamId(caseId));
    expect(events.map((event) => (event.metadata as { requestId?: string }).requestId)).toEqual(['obs-report-1', 'obs-contact-2']);
  });

  it('lets only operators scrape the API: 401 without a token, 403 to a case officer', async () => {
    await http.get('/metrics').expect(401);
    await http.get('/metrics').set('Authorization', officer).expect(403);
  });

  it('serves every named family at the API, request durations labelled by route pattern and status', async () => {
    const response = await http.get('/metrics').set('Authorization', admin).expect(200).expect('content-type', /^text\/plain/);
    const metrics = response.text;
    expect(family(metrics, 'http_request_duration_seconds', 'histogram')).toBe(true);
    expect(sample(metrics, 'http_request_duration_seconds_count', { method: 'POST', route: '/cases', status: '201', app: 'api' })).toBe(1);
    expect(sample(metrics, 'http_request_duration_seconds_count', { method: 'POST', route: '/cases/:id/events', status: '201' })).toBe(1);
    expect(sample(metrics, 'http_request_duration_seconds_count', { method: 'GET', route: '/cases/:id', status: '404' })).toBe(1);
    expect(family(metrics, 'case_journey_event_store_duration_seconds', 'histogram')).toBe(true);
    expect(sample(metrics, 'case_journey_event_store_duration_seconds_count', { operation: 'append', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    for (const projection of ['timeline', 'obligations', 'reporting']) {
      expect(sample(metrics, 'case_journey_projection_lag_events', { projection })).toBeGreaterThanOrEqual(0);
      expect(sample(metrics, 'case_journey_projection_lag_seconds', { projection })).toBeGreaterThanOrEqual(0);
      expect(sample(metrics, 'case_journey_projection_events_applied', { projection })).toBeGreaterThanOrEqual(0);
    }
    for (const queue of ['deadlines', 'webhooks', 'rebuilds']) expect(sample(metrics, 'case_journey_queue_jobs', { queue, state: 'waiting' })).toBeGreaterThanOrEqual(0);
    expect(family(metrics, 'process_cpu_seconds_total', 'counter')).toBe(true);
  });

  it("serves the worker's families on its own port: projection rate, breaches raised, webhook failures, leases, lag and queues", async () => {
    // Both events are applied by both projections once the worker has caught up.
    const deadline = Date.now() + 10_000;
    let metrics = '';
    while (sample((metrics = (await workerHttp.get('/metrics').expect(200)).text), 'case_journey_projection_events_total', { projection: 'obligations' }) !== 2) {
      if (Date.now() > deadline) throw new Error(`The worker did not count both events:\n${metrics}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sample(metrics, 'case_journey_projection_events_total', { projection: 'timeline', app: 'worker' })).toBe(2);
    expect(family(metrics, 'case_journey_breaches_raised_total', 'counter')).toBe(true);
    expect(family(metrics, 'case_journey_webhook_failures_total', 'counter')).toBe(true);
    expect(family(metrics, 'case_journey_projection_lease_held', 'gauge')).toBe(true);
    expect(sample(metrics, 'case_journey_projection_lag_events', { projection: 'timeline' })).toBe(0);
    expect(family(metrics, 'case_journey_queue_jobs', 'gauge')).toBe(true);
    expect(sample(metrics, 'case_journey_event_store_duration_seconds_count', { operation: 'readAll', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('answers liveness and readiness apart, on the API and on the worker, with no token', async () => {
    await http.get('/health/live').expect(200, { status: 'live' });
    await http.get('/health/ready').expect(200, { status: 'ready', eventStore: 'ok', redis: 'ok' });
    await workerHttp.get('/health/live').expect(200, { status: 'live' });
    await workerHttp.get('/health/ready').expect(200, { status: 'ready', eventStore: 'ok', redis: 'ok' });
    await http.get('/health').expect(200);
  });
});
