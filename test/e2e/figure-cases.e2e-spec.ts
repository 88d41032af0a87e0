import request from 'supertest';
import type { Role } from '@case-journey/access';
import type { Agency } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../../libs/projections/src/testing/case-events';
import { startApiWithWorker, within, type ApiWithWorker } from './api-with-worker';

// Monday 3 March 2025: R4.referral (the Police's) is due by the end of Wednesday 5 March. The clock stands at 10 April.
const NOW = new Date('2025-04-10T12:00:00.000Z');
const MONDAY = '2025-03-03T10:00:00.000Z';
const referral = (caseId: string, at: string, victimId = 'v1') => aCaseEvent(caseId, 'VictimReferredToSupport', at, 'Police', { victimId, service: 'Beacon' });
const R4 = 'period=2025-03&filter=right:4,agency:Police';

describe('GET /reports/:measure/cases: from a figure to the cases behind it', () => {
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  let app: ApiWithWorker;
  const bearer: Record<string, string> = {};
  const get = (who: string, path: string) => request(app.api.getHttpServer()).get(path).set('Authorization', bearer[who]);

  beforeAll(async () => {
    // Wessex: a referred on time, b late (7 March), c never (breached), e's first victim on time and its second late.
    // Anglia: z never.
    await appendEvents(store, [
      aCrimeReport('a', MONDAY, [aVictim('v1')]),
      referral('a', '2025-03-04T09:00:00.000Z'),
      aCrimeReport('b', MONDAY, [aVictim('v1')]),
      referral('b', '2025-03-07T09:00:00.000Z'),
      aCrimeReport('c', MONDAY, [aVictim('v1')]),
      aCrimeReport('e', MONDAY, [aVictim('v1'), aVictim('v2')]),
      referral('e', '2025-03-05T16:00:00.000Z', 'v1'),
      referral('e', '2025-03-06T09:00:00.000Z', 'v2'),
      aCrimeReport('z', MONDAY, [aVictim('v1')], 'Anglia'),
    ]);
    app = await startApiWithWorker({ keyPrefix: `cj-figure-cases-e2e-${process.pid}`, areas: ['Wessex'], now: () => NOW, store });
    const token = (subject: string, roles: Role[], areas: string[], agency?: Agency) => app.issuer.token({ subject, roles, areas, ...(agency && { agency }) }).then((jwt) => `Bearer ${jwt}`);
    bearer.officer = await token('officer.wessex', ['case-progression'], ['Wessex'], 'Police');
    bearer.wcu = await token('wcu.both', ['witness-care'], ['Wessex', 'Anglia'], 'WCU');
    bearer.board = await token('board.chair', ['board'], ['Wessex']);
    await within(20_000, 'the five cases in the report', async () => (await get('wcu', `/reports/code-compliance?${R4}`)).body.total?.cells['met-on-time'].denominator === 6);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("lists the cases behind a rate's base, most counted first, adding up to the report's figure", async () => {
    const { body } = await get('officer', `/reports/code-compliance/cases?${R4}`).expect(200);
    // Due in Wessex: a 1, b 1, c 1, e 2 = 5 (z is Anglia's, outside the officer's areas).
    expect(body).toMatchObject({ measure: { id: 'code-compliance' }, column: { id: 'met-on-time' }, part: 'denominator', areas: ['Wessex'], months: ['2025-03'], filters: { right: '4', agency: 'Police' }, cases: 4, count: 5, nextOffset: null });
    expect(body.items.map((item: { caseId: string; count: number }) => [item.caseId, item.count])).toEqual([['e', 2], ['a', 1], ['b', 1], ['c', 1]]);
    expect(body.items[0]).toMatchObject({ area: 'Wessex', urn: '99WX0000001', cells: { 'met-on-time': { numerator: 1, denominator: 2, value: 0.5 } } });
    const report = (await get('officer', `/reports/code-compliance?${R4}`).expect(200)).body;
    expect(report.total.cells['met-on-time'].denominator).toBe(body.count);
  });

  it('follows the numerator, or another column: met on time a and e; missed c alone', async () => {
    const onTime = (await get('officer', `/reports/code-compliance/cases?${R4}&part=numerator`).expect(200)).body;
    expect(onTime.items.map((item: { caseId: string }) => item.caseId)).toEqual(['a', 'e']);
    expect(onTime.count).toBe(2);
    const missed = (await get('officer', `/reports/code-compliance/cases?${R4}&column=breached&part=numerator`).expect(200)).body;
    expect(missed).toMatchObject({ cases: 1, count: 1, items: [{ caseId: 'c' }] });
  });

  it('reads every area of the caller when none is named, a page at a time', async () => {
    const first = (await get('wcu', `/reports/code-compliance/cases?${R4}&limit=2`).expect(200)).body;
    expect(first).toMatchObject({ areas: ['Wessex', 'Anglia'], cases: 5, count: 6, nextOffset: 2 });
    expect(first.items.map((item: { caseId: string }) => item.caseId)).toEqual(['e', 'a']);
    const last = (await get('wcu', `/reports/code-compliance/cases?${R4}&limit=2&offset=4`).expect(200)).body;
    expect(last).toMatchObject({ items: [{ caseId: 'z', area: 'Anglia' }], nextOffset: null });
  });

  it('refuses a board (aggregates only), another area, a measure not in force, and a column or filter the measure has not', async () => {
    await get('board', `/reports/code-compliance/cases?${R4}`).expect(403);
    expect((await get('officer', `/reports/code-compliance/cases?${R4}&area=Anglia`).expect(403)).body).toMatchObject({ field: 'area' });
    const unknown = (await get('officer', `/reports/code-compliance/cases?${R4}&column=speed`).expect(400)).body;
    expect(JSON.stringify(unknown)).toContain('column');
    await get('officer', `/reports/no-such-measure/cases?${R4}`).expect(404);
    const badFilter = (await get('officer', '/reports/code-compliance/cases?period=2025-03&filter=colour:blue').expect(400)).body;
    expect(JSON.stringify(badFilter)).toContain('colour');
  });
});
