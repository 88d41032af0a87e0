import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import request from 'supertest';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration, PlatformModule } from '@case-journey/platform';
import { reportKey, type Report } from '@case-journey/reporting';
import { waitFor } from '../../libs/projections/src/testing/redis-test-space';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { PACK_REPORT_SOURCE } from '../../apps/worker/src/board-packs/board-pack-jobs';
import { BoardPacksModule } from '../../apps/worker/src/board-packs/board-packs.module';
import { handBuiltPackReports } from '../../libs/reporting/src/pack/testing/hand-built-pack-reports';

const march = { counts: { 'code-compliance': { entitlement: { 'R4.referral': [40, 6, 4, 0], 'R8.hearing-date': [20, 2, 8, 0] } } } };
const reports = handBuiltPackReports('2025-03', { 'this-month': march, 'last-month': march, 'last-year': march });

describe('board packs over HTTP: POST /reports/packs, GET /reports/packs, GET /reports/packs/:id', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'packs-e2e-'));
  const keyPrefix = `cj-packs-e2e-${process.pid}`;
  let configuration: ReturnType<typeof loadConfiguration>;
  let issuer: TestIssuer;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    configuration = loadConfiguration({ REDIS_KEY_PREFIX: keyPrefix, DATA_DIR: dataDirectory, RATE_LIMIT_PER_MINUTE: '1000000', ...issuer.environment });
    const overrides = { eventStore: SqliteEventStore.inMemory(), victimKeyStore: new InMemoryVictimKeyStore() };
    api = await createApi(configuration, overrides);
    await api.init();
    // A board of both demo areas.
    http = request.agent(api.getHttpServer()).set('Authorization', `Bearer ${await issuer.token({ subject: 'board.chair', roles: ['board'], areas: ['Wessex', 'Anglia'] })}`);
    const source = { report: async (needed: Parameters<typeof reportKey>[0]): Promise<Report> => reports.get(reportKey(needed))! };
    worker = await NestFactory.createApplicationContext(
      { module: class PackWorker {}, imports: [PlatformModule.forRoot(configuration, overrides), BoardPacksModule.forRoot({ provide: PACK_REPORT_SOURCE, useValue: source })] },
      { logger: ['error', 'warn'] },
    );
    await worker.init();
  });

  afterAll(async () => {
    await api.close();
    await worker.close();
    await issuer.stop();
    const redis = new Redis(configuration.redisUrl);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const built = async (id: string) => {
    let answer: request.Response | undefined;
    await waitFor(async () => (answer = await http.get(`/reports/packs/${id}`)).body.state === 'completed' || answer.body.state === 'failed', 120_000, `pack ${id}`);
    expect(answer!.body.failedReason).toBeNull();
    return answer!.body;
  };

  it('queues a pack (202, where it stands), builds it on the worker, lists it, and serves its figures, page and PDF', async () => {
    const queued = await http.post('/reports/packs').send({ month: '2025-03', area: 'Wessex' }).expect(202);
    expect(queued.headers.location).toBe(`/reports/packs/${queued.body.id}`);
    expect(queued.body).toMatchObject({ state: expect.stringMatching(/waiting|active/), request: { month: '2025-03', area: 'Wessex', suppress: true }, pack: null });

    const answer = await built(queued.body.id);
    expect(answer.pack).toMatchObject({ id: queued.body.id, month: '2025-03', area: 'Wessex', suppressed: true, reproducibility: [] });
    // 40 + 20 met on time of 50 + 30 due: 75%
    const compliance = answer.figures.sections.find((section: { measureId: string }) => section.measureId === 'code-compliance');
    expect(compliance.headline.figures[0]).toMatchObject({ numerator: 60, denominator: 80, value: 0.75 });

    const list = await http.get('/reports/packs').expect(200);
    expect(list.body.packs.map((pack: { id: string }) => pack.id)).toContain(queued.body.id);

    const pdf = await http.get(`/reports/packs/${queued.body.id}`).set('Accept', 'application/pdf').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const page = await http.get(`/reports/packs/${queued.body.id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain(answer.pack.figuresDigest);
  }, 180_000);

  it('checks a pack rebuilt from the same frozen snapshots against the first: same figures', async () => {
    const first = await built((await http.post('/reports/packs').send({ month: '2025-03', area: 'Anglia', suppress: false }).expect(202)).body.id);
    const second = await built((await http.post('/reports/packs').send({ month: '2025-03', area: 'Anglia', suppress: false }).expect(202)).body.id);
    expect(second.pack.figuresDigest).toBe(first.pack.figuresDigest);
    expect(second.pack.reproducibility).toEqual([{ packId: first.pack.id, builtAt: first.pack.builtAt, sameFigures: true }]);
  }, 180_000);

  it('answers 400 naming the field for a bad request, and 404 for an unknown pack', async () => {
    const bad = await http.post('/reports/packs').send({ month: 'March', area: 'Wessex', threshold: 0, colour: 'red' }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toMatch(/month must be YYYY-MM/);
    expect(JSON.stringify(bad.body)).toMatch(/threshold/);
    expect(JSON.stringify(bad.body)).toMatch(/colour/);
    await http.post('/reports/packs').send([]).expect(400);
    await http.get('/reports/packs/not-a-pack').expect(400);
    await http.get('/reports/packs/7d1f6a32-0c1e-4f7e-9a53-0d2b8f3e1c44').expect(404);
  });
});
