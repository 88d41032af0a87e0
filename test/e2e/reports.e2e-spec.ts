import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { SqliteEventStore } from '@case-journey/event-store';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../../libs/projections/src/testing/case-events';
import { startApiWithWorker, within, type ApiWithWorker } from './api-with-worker';

// Monday 3 March 2025: R4.referral is due by the end of Wednesday 5 March. March is frozen at the end
// of Monday 7 April (5 working days after it closes); the clock stands at 10 April.
const NOW = new Date('2025-04-10T12:00:00.000Z');
const MONDAY = '2025-03-03T10:00:00.000Z';
const referral = (caseId: string, at: string, recordedAt = at) => aCaseEvent(caseId, 'VictimReferredToSupport', at, 'Police', { victimId: 'v1', service: 'Beacon' }, { recordedAt });
type Cells = Record<string, { numerator: number | null; denominator: number | null; value: number | null; suppressed?: true }>;
const referralsIn = (body: { rows: Array<{ group: Record<string, string>; cells: Cells }> }) => body.rows.find((row) => row.group.entitlement === 'R4.referral')!.cells;

describe('board reports over HTTP', () => {
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  let app: ApiWithWorker;
  let board: string;
  const get = (path: string) => request(app.api.getHttpServer()).get(path).set('Authorization', board);

  beforeAll(async () => {
    // Wessex: x referred on time, y never (breached). Six more on time, so the live figures are not all small.
    await appendEvents(store, [
      aCrimeReport('x', MONDAY, [aVictim('v1')]),
      referral('x', '2025-03-04T09:00:00.000Z'),
      aCrimeReport('y', MONDAY, [aVictim('v1', { sex: 'male' })]),
      ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].flatMap((caseId) => [aCrimeReport(caseId, MONDAY, [aVictim('v1')]), referral(caseId, '2025-03-04T09:00:00.000Z')]),
    ]);
    app = await startApiWithWorker({ keyPrefix: `cj-reports-e2e-${process.pid}`, areas: ['Wessex'], now: () => NOW, store });
    board = `Bearer ${await app.issuer.token({ subject: 'board.chair', roles: ['board'], areas: ['Wessex'] })}`;
    await within(20_000, 'the frozen March', async () => (await get('/reports/code-compliance?period=2025-03&basis=frozen&groupBy=entitlement')).status === 200);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lists the measures in force', async () => {
    const { body } = await get('/reports/measures').expect(200);
    expect(body).toMatchObject({ definitions: 'shared-measures', version: '2026.1', inForceOn: '2025-04-10' });
    expect(body.measures.map((measure: { id: string }) => measure.id)).toEqual(expect.arrayContaining(['code-compliance', 'timeliness', 'file-quality', 'trial-effectiveness', 'attrition', 'victim-contact']));
  });

  it('keeps the frozen March when a late record moves the live one, and lists that record', async () => {
    // 7 of 8 met on time, y breached.
    expect(referralsIn((await get('/reports/code-compliance?period=2025-03&groupBy=entitlement').expect(200)).body)['met-on-time']).toMatchObject({ numerator: 7, denominator: 8 });
    const late = referral('y', '2025-03-04T15:00:00.000Z', '2025-04-09T08:00:00.000Z');
    await appendEvents(store, [late]);
    let live: request.Response;
    await within(5000, 'the late referral in the live figures', async () => referralsIn((live = await get('/reports/code-compliance?period=2025-03&groupBy=entitlement')).body)['met-on-time'].numerator === 8);
    const frozen = (await get('/reports/code-compliance?period=2025-03&groupBy=entitlement&basis=frozen').expect(200)).body;
    expect(referralsIn(frozen)['met-on-time']).toMatchObject({ numerator: 7, denominator: 8 });
    expect(frozen.basis).toEqual({ kind: 'frozen', asOf: '2025-04-07T22:59:59.999Z', snapshotMonth: '2025-03' });
    expect(live!.body.snapshotComparison).toMatchObject({ month: '2025-03', differs: true, lateRecords: [{ eventId: late.metadata.eventId, caseId: 'y', month: '2025-03' }] });
  });

  it('computes a report as known at a past instant as a job: 202 with progress, then the report', async () => {
    const path = '/reports/code-compliance?period=2025-03&groupBy=entitlement&asOf=2025-03-05T12:00:00Z';
    const first = await get(path);
    expect([200, 202]).toContain(first.status);
    if (first.status === 202) expect(first.body).toMatchObject({ jobId: expect.stringMatching(/^as-of-/), state: expect.any(String) });
    let done: request.Response;
    await within(20_000, 'the as-of report', async () => (done = await get(path)).status === 200);
    // At noon on 5 March: the seven referrals made on the 4th are met; y's not yet due, and its referral not yet recorded.
    expect(referralsIn(done!.body)['met-on-time']).toMatchObject({ numerator: 7, denominator: 7 });
    expect(done!.body.basis).toEqual({ kind: 'as-of', asOf: '2025-03-05T12:00:00.000Z' });
  });

  it('exports CSV naming the measure version and the as-of instant, by Accept or by .csv', async () => {
    const byName = await get('/reports/code-compliance.csv?period=2025-03&groupBy=entitlement').expect(200);
    expect(byName.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = parse(byName.text) as string[][];
    expect(header.slice(0, 6)).toEqual(['measure', 'measure version', 'definitions', 'definitions version', 'basis', 'as of']);
    expect(row.slice(0, 6)).toEqual(['code-compliance', '1', 'shared-measures', '2026.1', 'live', NOW.toISOString()]);
    const byAccept = await get('/reports/code-compliance?period=2025-03&groupBy=entitlement').set('Accept', 'text/csv').expect(200);
    expect(byAccept.text.split('\r\n')[0]).toBe(header.join(','));
  });

  it('serves the public without a token, always suppressed', async () => {
    const { body } = await request(app.api.getHttpServer()).get('/public/reports/code-compliance?period=2025-03&groupBy=sex').expect(200);
    // male: y alone, 1 due: suppressed, with what would give it away.
    const male = body.rows.find((row: { group: { sex: string } }) => row.group.sex === 'male').cells;
    expect(male['met-on-time']).toMatchObject({ numerator: null, value: null, suppressed: true });
    expect(body.suppression).toMatchObject({ threshold: 5 });
    expect(body.snapshotComparison).toBeUndefined();
    await request(app.api.getHttpServer()).get('/public/reports/code-compliance?suppress=false').expect(400);
  });

  it('refuses a breakdown the measure does not have, naming it, and another area', async () => {
    const bad = await get('/reports/code-compliance?groupBy=courtTier').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'groupBy', messages: ['code-compliance is broken down by area, month, entitlement, right, agency, rights, offence, ageBand, sex, ethnicity, not courtTier'] }]);
    await get('/reports/nothing-like-it').expect(400);
    await get('/reports/code-compliance?area=Anglia').expect(403);
  });

  it('documents the report JSON in the OpenAPI document', async () => {
    const { body } = await request(app.api.getHttpServer()).get('/docs-json').expect(200);
    const reference = body.paths['/reports/{measure}'].get.responses['200'].content['application/json'].schema.$ref as string;
    const ok = body.components.schemas[reference.replace('#/components/schemas/', '')];
    expect(Object.keys(ok.properties)).toEqual(expect.arrayContaining(['measure', 'basis', 'columns', 'rows', 'total', 'disproportionality', 'snapshotComparison']));
    expect(body.paths['/public/reports/{measure}'].get['x-access']).toMatchObject({ permission: 'reports:read-public' });
  });

  it('still reads /reports/packs as the packs, not as a measure', async () => {
    const { body } = await get('/reports/packs').expect(200);
    expect(body).toHaveProperty('packs');
  });
});
