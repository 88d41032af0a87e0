import request from 'supertest';
import { SqliteEventStore } from '@case-journey/event-store';
import { DEMO_PROFILE } from '@case-journey/synthetic';
import { storeSyntheticCases } from '../../libs/projections/src/testing/synthetic-cases';
import { startApiWithWorker, within, type ApiWithWorker } from './api-with-worker';

interface Row {
  caseId: string;
  urn: string | null;
  area: string | null;
  offenceCategory: string | null;
  stage: string;
  closed: boolean;
  openedAt: string;
  waitingOn: { agency: string; since: string } | null;
  victims: number;
  enhanced: boolean;
  obligations: { open: number; breached: number; dueToday: number };
}

/** The demo's own clock: every one of its 400 cases was reported by then. */
const NOW = new Date(DEMO_PROFILE.now);

describe('the case finder over the 400 demo cases', () => {
  let app: ApiWithWorker;
  let all: Row[] = [];

  const page = async (query: Record<string, string | number>) => {
    const response = await app.get('/cases').query(query);
    expect(response.status).toBe(200);
    return response.body as { items: Row[]; next: string | null };
  };
  /** Every page of a search, following the cursor. */
  const everyPage = async (query: Record<string, string | number>, limit = 50): Promise<Row[]> => {
    const rows: Row[] = [];
    let cursor: string | null = null;
    do {
      const answer = await page({ ...query, limit, ...(cursor ? { cursor } : {}) });
      rows.push(...answer.items);
      cursor = answer.next;
    } while (cursor);
    return rows;
  };
  const idsOf = (rows: Row[]) => rows.map((row) => row.caseId);

  beforeAll(async () => {
    const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    await storeSyntheticCases(store, DEMO_PROFILE.cases, 42, 'demo');
    app = await startApiWithWorker({ keyPrefix: `cjtest-finder-${process.pid}`, areas: ['Wessex', 'Anglia'], now: () => NOW, store });
    await within(60_000, 'all 400 cases in the finder', async () => {
      const areas = (await app.get('/areas')).body.areas as Array<{ cases: number }> | undefined;
      return (areas ?? []).reduce((sum, area) => sum + area.cases, 0) === 400;
    });
    all = await everyPage({}, 37);
  }, 120_000);
  afterAll(() => app.close());

  it('pages through all 400 cases with the cursor, each exactly once, newest opened first', () => {
    expect(all).toHaveLength(400);
    expect(new Set(idsOf(all)).size).toBe(400);
    const opened = all.map((row) => Date.parse(row.openedAt));
    expect(opened).toEqual([...opened].sort((a, b) => b - a));
  });

  it('lists the areas with their case counts', async () => {
    const areas = (await app.get('/areas').expect(200)).body.areas;
    const count = (area: string) => all.filter((row) => row.area === area).length;
    expect(areas).toEqual([
      { area: 'Anglia', cases: count('Anglia') },
      { area: 'Wessex', cases: count('Wessex') },
    ]);
  });

  it('finds by each filter exactly the cases that match it', async () => {
    const expectFound = async (query: Record<string, string>, holds: (row: Row) => boolean) => {
      const found = await everyPage(query);
      const wanted = all.filter(holds);
      expect(wanted.length).toBeGreaterThan(0);
      expect(idsOf(found).sort()).toEqual(idsOf(wanted).sort());
    };
    const sample = all[123];
    await expectFound({ urn: sample.urn!.toLowerCase() }, (row) => row.caseId === sample.caseId);
    await expectFound({ area: '  wESSEX ' }, (row) => row.area === 'Wessex');
    await expectFound({ stage: 'pre-trial,trial' }, (row) => row.stage === 'pre-trial' || row.stage === 'trial');
    await expectFound({ waitingOn: 'CPS' }, (row) => row.waitingOn?.agency === 'CPS');
    await expectFound({ waitingOn: 'none' }, (row) => row.waitingOn === null);
    await expectFound({ openedFrom: '2025-03-01', openedTo: '2025-03-31' }, (row) => row.openedAt >= '2025-03-01T00:00:00.000Z' && row.openedAt <= '2025-03-31T22:59:59.999Z');
    await expectFound({ closed: 'true' }, (row) => row.closed);
    await expectFound({ closed: 'false', area: 'Anglia' }, (row) => !row.closed && row.area === 'Anglia');
    await expectFound({ offenceCategory: 'burglary' }, (row) => row.offenceCategory === 'burglary');
    await expectFound({ enhanced: 'true' }, (row) => row.enhanced);
    await expectFound({ hasBreaches: 'true' }, (row) => row.obligations.breached > 0);
    await expectFound({ hasBreaches: 'false', enhanced: 'false' }, (row) => row.obligations.breached === 0 && !row.enhanced);
  });

  it("finds a case by an agency's own reference of any of its records", async () => {
    const sample = all[200];
    const history = (await app.get(`/cases/${sample.caseId}/events`).expect(200)).body;
    const events = (history.events ?? history.items ?? history) as Array<{ metadata: { sourceReference?: string } }>;
    const reference = events.map((event) => event.metadata.sourceReference).filter(Boolean).at(-1)!;
    expect(idsOf((await page({ sourceReference: reference })).items)).toEqual([sample.caseId]);
  });

  it('answers an unknown area 404 with the areas known, and a bad filter 400 naming it', async () => {
    const unknown = await app.get('/cases').query({ area: 'wessex-typo' }).expect(404);
    expect(unknown.body).toMatchObject({ status: 404, field: 'area', knownAreas: ['Anglia', 'Wessex'] });
    const bad = await app.get('/cases').query({ stage: 'sentenced', closed: 'yes', openedFrom: 'last week', cursor: 'not-a-cursor', area: '   ' }).expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['area', 'closed', 'openedFrom', 'stage']);
    const badCursor = await app.get('/cases').query({ cursor: 'not-a-cursor' }).expect(400);
    expect(badCursor.body.errors[0].field).toBe('cursor');
  });

  it('matches areas case-insensitively on the figures, the worklist and the notifications, and answers an unknown one 404', async () => {
    for (const path of ['/compliance', '/compliance/timeliness', '/worklists/witness-care', '/notifications']) {
      const unknown = await app.get(path).query({ area: 'wessex-typo' }).expect(404);
      expect(unknown.body.knownAreas).toEqual(['Anglia', 'Wessex']);
      await app.get(path).query({ area: ' wessex ' }).expect(200);
    }
    expect((await app.get('/compliance').query({ area: 'WESSEX' }).expect(200)).body.area).toBe('Wessex');
  });

  it('never lists months after the current one in the figures', async () => {
    // The demo's clock is 30 June 2025: 2025 asked, January to June answered.
    expect((await app.get('/compliance').query({ period: '2025' }).expect(200)).body.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect((await app.get('/compliance').expect(200)).body.months.every((month: string) => month <= '2025-06')).toBe(true);
  });

  it('gives the worklist due overdue, today, tomorrow, this week or before a London date, the longest overdue named', async () => {
    type Item = { obligationId: string; dueAt: string };
    const worklist = async (query: Record<string, string>) => (await app.get('/worklists/witness-care').query({ limit: '200', ...query }).expect(200)).body as { items: Item[]; oldestBreach: { obligationId: string; overdueDays: number } | null };
    const overdue = await worklist({ due: 'overdue' });
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((item) => item.dueAt < NOW.toISOString())).toBe(true);
    expect(overdue.oldestBreach).toMatchObject({ obligationId: overdue.items[0].obligationId });
    // Whole London calendar days from the day it fell due to today, worked out here from the two London dates.
    const londonDay = (instant: string | Date) => Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(instant))}T00:00:00Z`);
    expect(overdue.oldestBreach!.overdueDays).toBe((londonDay(NOW) - londonDay(overdue.items[0].dueAt)) / 86_400_000);
    // Monday 30 June 2025, 18:00 BST: today ends at 22:59:59.999 UTC, tomorrow a day later, this week on Sunday 6 July.
    const today = await worklist({ due: 'today' });
    expect(today.items.every((item) => item.dueAt >= NOW.toISOString() && item.dueAt <= '2025-06-30T22:59:59.999Z')).toBe(true);
    expect(today.oldestBreach).toBeNull();
    const tomorrow = await worklist({ due: 'tomorrow' });
    expect(tomorrow.items.every((item) => item.dueAt > '2025-06-30T22:59:59.999Z' && item.dueAt <= '2025-07-01T22:59:59.999Z')).toBe(true);
    const week = await worklist({ due: 'this-week' });
    expect(week.items.every((item) => item.dueAt >= NOW.toISOString() && item.dueAt <= '2025-07-06T22:59:59.999Z')).toBe(true);
    expect(week.items.length).toBeGreaterThanOrEqual(today.items.length + tomorrow.items.length);
    const byDate = await worklist({ dueBefore: '2025-07-01' });
    expect(byDate.items.every((item) => item.dueAt <= '2025-07-01T22:59:59.999Z')).toBe(true);
    expect(byDate.items.length).toBe(overdue.items.length + today.items.length + tomorrow.items.length);
  });

  it("reads only the caller's areas, inside the query", async () => {
    const token = await app.issuer.token({ subject: 'anglia.officer', roles: ['witness-care'], agency: 'WCU', areas: ['Anglia'] });
    const anglian = request(app.api.getHttpServer());
    const rows: Row[] = [];
    let cursor: string | null = null;
    do {
      const answer: { items: Row[]; next: string | null } = (await anglian.get('/cases').set('Authorization', `Bearer ${token}`).query({ limit: 200, ...(cursor ? { cursor } : {}) }).expect(200)).body;
      rows.push(...answer.items);
      cursor = answer.next;
    } while (cursor);
    expect(rows.length).toBe(all.filter((row) => row.area === 'Anglia').length);
    expect(rows.every((row) => row.area === 'Anglia')).toBe(true);
    const refused = await anglian.get('/cases').set('Authorization', `Bearer ${token}`).query({ area: 'Wessex' }).expect(403);
    expect(refused.body.field).toBe('area');
  });
});
