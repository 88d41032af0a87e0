import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import request from 'supertest';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { CRIME_REPORT_EXAMPLE, EXAMPLE_IDS, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The morning after the example robbery was reported (Monday 3 March 2025, 21:40): the referral is due by Wednesday night. */
const NOW = new Date('2025-03-04T09:00:00.000Z');

async function within(limitMs: number, what: string, read: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error(`${what} did not appear within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the read models through the API, with the worker projecting', () => {
  const keyPrefix = `cjtest-e2e-${process.pid}`;
  let configuration: ReturnType<typeof loadConfiguration>;
  let issuer: TestIssuer;
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  const overrides = { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock: { now: () => NOW } };
  let api: INestApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof request.agent>;
  let caseId: string;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    configuration = loadConfiguration({ REDIS_KEY_PREFIX: keyPrefix, ...issuer.environment });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides), { logger: false });
    await worker.init();
    api = await createApi(configuration, overrides);
    await api.init();
    // One officer who records and reads the case, reads the board's figures and runs the rebuilds.
    const token = await issuer.token({ subject: 'e2e.officer', roles: ['case-progression', 'board', 'admin'], agency: 'Police', areas: ['Hertfordshire'] });
    http = request.agent(api.getHttpServer()).set('Authorization', `Bearer ${token}`);
  });

  afterAll(async () => {
    await api.close();
    await worker.close();
    await issuer.stop();
    const redis = new Redis(configuration.redisUrl);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  const timelineTypes = async () => {
    const response = await http.get(`/cases/${caseId}/timeline`);
    return response.status === 200 ? (response.body.entries as Array<{ type: string }>).map((entry) => entry.type) : [];
  };
  const policeWorklist = async () => (await http.get('/worklists/witness-care').query({ agency: 'Police' }).expect(200)).body;
  const listed = async (ruleId: string) => (await policeWorklist()).items.some((item: { caseId: string; ruleId: string }) => item.caseId === caseId && item.ruleId === ruleId);

  it('shows a recorded handoff in the timeline and on the worklist within one second', async () => {
    caseId = (await http.post('/cases').send(CRIME_REPORT_EXAMPLE).expect(201)).body.caseId;
    await within(1000, 'the crime report', async () => (await timelineTypes()).includes('CrimeReported') && (await listed('R4.referral')));

    await http.post(`/cases/${caseId}/events`).send({ ...HANDOFF_EXAMPLES.SuspectEventRecorded, occurredAt: '2025-03-04T08:30:00Z' }).expect(201);
    await within(1000, 'the arrest', async () => (await timelineTypes()).includes('SuspectEventRecorded') && (await listed('R6.suspect-event')));

    const timeline = (await http.get(`/cases/${caseId}/timeline`).expect(200)).body;
    // the arrest keeps the next step with the police, who have held it since the report
    expect(timeline).toMatchObject({ caseId, area: 'Hertfordshire', waitingOn: { agency: 'Police', since: '2025-03-03T21:40:00.000Z', after: 'CrimeReported' } });
    expect(timeline.entries[1]).toMatchObject({ type: 'SuspectEventRecorded', sincePreviousMs: 10 * 3_600_000 + 50 * 60_000 });
    const referral = (await policeWorklist()).items.find((item: { ruleId: string }) => item.ruleId === 'R4.referral');
    expect(referral).toMatchObject({ area: 'Hertfordshire', status: 'due-soon', dueAt: '2025-03-05T23:59:59.999Z', victim: { contactPreference: 'phone' } });
  });

  it("gives a victim's journey: touchpoints and every obligation with its status and due instant", async () => {
    const journey = (await http.get(`/cases/${caseId}/victims/${EXAMPLE_IDS.victim}/journey`).expect(200)).body;
    expect(journey).toMatchObject({ caseId, victimId: EXAMPLE_IDS.victim, sex: 'female', enhanced: { enhanced: false } });
    expect(journey.obligations).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'R4.referral', status: 'due-soon', dueAt: '2025-03-05T23:59:59.999Z' })]));
    await http.get(`/cases/${caseId}/victims/someone-else/journey`).expect(404);
  });

  it('filters and pages the worklist', async () => {
    const dueSoon = (await http.get('/worklists/witness-care').query({ agency: 'Police', status: 'due-soon', limit: 1 }).expect(200)).body;
    expect(dueSoon).toMatchObject({ total: 1, offset: 0, limit: 1, items: [{ ruleId: 'R4.referral' }] });
    const beforeWednesday = (await http.get('/worklists/witness-care').query({ agency: 'Police', dueBefore: '2025-03-05T00:00:00Z' }).expect(200)).body;
    expect(beforeWednesday.total).toBe(0);
    const enhanced = (await http.get('/worklists/witness-care').query({ agency: 'Police', enhanced: 'true', area: 'Hertfordshire' }).expect(200)).body;
    expect(enhanced.total).toBe(0);
    expect((await http.get('/worklists/witness-care').expect(200)).body.items).toEqual([]); // nothing owed by the WCU yet
  });

  it('gives compliance figures for a period, broken down as asked', async () => {
    const figures = (await http.get('/compliance').query({ area: 'Hertfordshire', period: '2025-Q1', groupBy: 'entitlement,agency' }).expect(200)).body;
    expect(figures.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(figures.rows).toEqual(expect.arrayContaining([expect.objectContaining({ group: { entitlement: 'R4.referral', agency: 'Police' }, open: 1, due: 0, rate: null })]));
    const timeliness = (await http.get('/compliance/timeliness').query({ period: '2025' }).expect(200)).body;
    expect(timeliness.measures.map((summary: { measure: string }) => summary.measure)).toEqual([
      'reported-to-charge-decision',
      'file-to-cps-decision',
      'charge-to-first-hearing',
      'first-hearing-to-completion',
      'court-to-wcu-receipt',
    ]);
  });

  it('sends the figures, worklist pages and timelines as JSON with an ETag, and 304 to a caller who has them', async () => {
    const asked = { area: 'Hertfordshire', period: '2025-Q1', groupBy: 'entitlement' };
    const first = await http.get('/compliance').query(asked).expect(200).expect('content-type', /^application\/json/);
    const again = await http.get('/compliance').query(asked).expect(200);
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.body).toEqual(first.body);
    await http.get('/compliance').query(asked).set('If-None-Match', first.headers.etag).expect(304);

    const page = await http.get('/worklists/witness-care').query({ agency: 'Police', limit: 2 }).expect(200).expect('content-type', /^application\/json/);
    expect(page.body).toEqual({ total: expect.any(Number), offset: 0, limit: 2, items: expect.any(Array), oldestBreach: null });
    expect(page.body.items[0]).toEqual(expect.objectContaining({ caseId: expect.any(String), ruleId: expect.any(String) }));
    await http.get('/worklists/witness-care').query({ agency: 'Police', limit: 2 }).set('If-None-Match', page.headers.etag).expect(304);

    const timeline = await http.get(`/cases/${caseId}/timeline`).expect(200).expect('content-type', /^application\/json/);
    expect(timeline.body).toMatchObject({ caseId, waitingOn: { agency: 'Police' } });
    // The text's hash and how long the Police have held the next step: the same at the same instant.
    expect(timeline.headers.etag).toMatch(/^"[A-Za-z0-9_-]+\.\d+"$/);
    await http.get(`/cases/${caseId}/timeline`).set('If-None-Match', timeline.headers.etag).expect(304);
  });

  it('answers 400 naming each bad query parameter', async () => {
    const fieldsOf = async (path: string, query: object) => (await http.get(path).query(query).expect(400)).body.errors.map((error: { field: string }) => error.field);
    expect(await fieldsOf('/worklists/witness-care', { status: 'late', limit: '0', agency: 'Court' })).toEqual(expect.arrayContaining(['status', 'limit', 'agency']));
    expect(await fieldsOf('/worklists/witness-care', { dueBefore: 'tomorrow', colour: 'red' })).toEqual(expect.arrayContaining(['dueBefore', 'colour']));
    expect(await fieldsOf('/compliance', { period: '2025-13' })).toEqual(['period']);
    expect(await fieldsOf('/compliance', { groupBy: 'sex,agency' })).toEqual(['groupBy']);
    expect(await fieldsOf('/compliance/timeliness', { period: '2025-Q5', groupBy: 'area' })).toEqual(expect.arrayContaining(['period', 'groupBy']));
    expect(await fieldsOf('/notifications', { offset: '-1' })).toEqual(['offset']);
    expect(await fieldsOf('/worklists/witness-care', { dueBefore: '2025-03-05T00:00:00', status: '', offset: '20000' })).toEqual(
      expect.arrayContaining(['dueBefore', 'status', 'offset']),
    );
  });

  it('lists notifications, and reports each projection\'s lag and the queues in /health', async () => {
    expect((await http.get('/notifications').expect(200)).body).toEqual({ total: 0, offset: 0, limit: 50, items: [] });
    const health = (await http.get('/health').expect(200)).body;
    expect(health.status).toBe('ok');
    expect(health.projections).toEqual([
      expect.objectContaining({ projection: 'timeline', version: 1, events: 0, seconds: 0, checkpoint: health.lastPosition }),
      expect.objectContaining({ projection: 'obligations', version: 1, events: 0, seconds: 0, checkpoint: health.lastPosition }),
      expect.objectContaining({ projection: 'reporting', version: 1, events: 0, seconds: 0, checkpoint: health.lastPosition }),
    ]);
    expect(Object.keys(health.queues)).toEqual(['deadlines', 'webhooks', 'rebuilds']);
    expect(health.queues.deadlines.delayed).toBeGreaterThan(0);
  });

  it('rebuilds a projection as a job with progress, and keeps answering from the new version', async () => {
    const before = (await http.get(`/cases/${caseId}/timeline`).expect(200)).body;
    const queued = (await http.post('/projections/timeline/rebuild').expect(202)).body;
    expect(queued).toMatchObject({ projection: 'timeline', jobId: expect.any(String) });

    let status = queued;
    await within(10_000, 'the rebuild', async () => {
      status = (await http.get(`/projections/rebuilds/${queued.jobId}`).expect(200)).body;
      return status.state === 'completed';
    });
    expect(status).toMatchObject({ result: { projection: 'timeline', fromVersion: 1, toVersion: 2 }, progress: { phase: 'done' } });
    expect((await http.get(`/cases/${caseId}/timeline`).expect(200)).body).toEqual(before);
    expect((await http.get('/health').expect(200)).body.projections[0]).toMatchObject({ projection: 'timeline', version: 2 });
    expect((await http.post('/projections/everything/rebuild').expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    await http.get('/projections/rebuilds/no-such-job').expect(404);
  });

  it('answers 404 for the timeline of a case it does not know', async () => {
    await http.get('/cases/7d0c8a52-3c44-4b8e-9d7a-2f6a1c0b9e31/timeline').expect(404);
  });
});
