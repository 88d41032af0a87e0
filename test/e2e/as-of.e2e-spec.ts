import { CRIME_REPORT_EXAMPLE, EXAMPLE_IDS, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { startApiWithWorker, type ApiWithWorker } from './api-with-worker';

/**
 * The robbery is reported on Monday 3 March 2025 (21:40, recorded 22:10); the victim must be referred
 * to support within 2 working days, by the end of Wednesday 5 March. The police referred them on
 * Wednesday afternoon but recorded it only on Thursday morning at 10:00. Between the two recordings
 * the product knew of no referral: read as of then, the obligation is breached; read as of later, met.
 */
const REPORT_RECORDED = '2025-03-03T22:10:00.000Z';
const REFERRAL_RECORDED = '2025-03-06T10:00:00.000Z';
const BETWEEN = '2025-03-06T09:00:00Z';
const AFTER = '2025-03-06T11:00:00+00:00';

describe('a case read as of a past instant, from the event store', () => {
  let app: ApiWithWorker;
  let now = new Date(REPORT_RECORDED);
  let caseId: string;

  beforeAll(async () => {
    app = await startApiWithWorker({ keyPrefix: `cjtest-asof-${process.pid}`, areas: ['Hertfordshire'], now: () => now });
    caseId = (await app.post('/cases', CRIME_REPORT_EXAMPLE).expect(201)).body.caseId;
    now = new Date(REFERRAL_RECORDED);
    await app.post(`/cases/${caseId}/events`, { ...HANDOFF_EXAMPLES.VictimReferredToSupport, occurredAt: '2025-03-05T15:00:00Z' }).expect(201);
    now = new Date('2025-03-10T12:00:00.000Z');
  });
  afterAll(() => app.close());

  const referral = (journey: { obligations: Array<{ ruleId: string }> }) => journey.obligations.find((obligation) => obligation.ruleId === 'R4.referral');

  it("shows the victim's referral breached between the two recordings, and met once the late record was stored", async () => {
    const journeyPath = `/cases/${caseId}/victims/${EXAMPLE_IDS.victim}/journey`;
    const before = (await app.get(journeyPath).query({ asOf: BETWEEN }).expect(200)).body;
    expect(before.asOf).toBe('2025-03-06T09:00:00.000Z');
    expect(referral(before)).toMatchObject({ status: 'breached', dueAt: '2025-03-05T23:59:59.999Z', satisfiedAt: null, lateWorkingDays: 1 });
    const after = (await app.get(journeyPath).query({ asOf: AFTER }).expect(200)).body;
    expect(after.asOf).toBe('2025-03-06T11:00:00.000Z');
    expect(referral(after)).toMatchObject({ status: 'met', satisfiedAt: '2025-03-05T15:00:00.000Z', lateWorkingDays: 0 });
  });

  it('reads the case, its history and its timeline as recorded by the instant, naming it', async () => {
    const state = (await app.get(`/cases/${caseId}`).query({ asOf: BETWEEN }).expect(200)).body;
    expect(state).toMatchObject({ caseId, revision: 0, asOf: '2025-03-06T09:00:00.000Z' });
    expect(state.state.victims[0].supportReferral).toBeNull();
    expect((await app.get(`/cases/${caseId}`).query({ asOf: AFTER }).expect(200)).body).toMatchObject({ revision: 1, state: { victims: [{ supportReferral: { outcome: 'referred' } }] } });

    const history = (await app.get(`/cases/${caseId}/events`).query({ asOf: BETWEEN }).expect(200)).body;
    expect(history).toMatchObject({ asOf: '2025-03-06T09:00:00.000Z', revision: 0 });
    expect(history.events.map((event: { type: string }) => event.type)).toEqual(['CrimeReported']);

    const timeline = async (asOf: string) => (await app.get(`/cases/${caseId}/timeline`).query({ asOf }).expect(200)).body;
    expect((await timeline(BETWEEN)).entries.map((entry: { type: string }) => entry.type)).toEqual(['CrimeReported']);
    const later = await timeline(AFTER);
    expect(later.asOf).toBe('2025-03-06T11:00:00.000Z');
    expect(later.entries.map((entry: { type: string }) => entry.type)).toEqual(['CrimeReported', 'VictimReferredToSupport']);
    // the Police have held the case since the report: Monday 21:40 to Thursday 11:00 is 2 days 13 h 20 min
    expect(later.waitingOn).toMatchObject({ agency: 'Police', since: '2025-03-03T21:40:00.000Z', forMs: ((2 * 24 + 13) * 60 + 20) * 60_000 });
  });

  it('refuses an instant to come (400), before the case existed (404) and one without its zone (400)', async () => {
    const future = await app.get(`/cases/${caseId}/timeline`).query({ asOf: '2025-03-10T12:00:01Z' }).expect(400);
    expect(future.body.errors).toEqual([{ field: 'asOf', messages: [expect.stringContaining('future')] }]);
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/events`, `/cases/${caseId}/timeline`, `/cases/${caseId}/victims/${EXAMPLE_IDS.victim}/journey`]) {
      const early = await app.get(path).query({ asOf: '2025-03-03T22:00:00Z' }).expect(404);
      expect(early.body.detail).toContain('did not exist at 2025-03-03T22:00:00.000Z');
      expect((await app.get(path).query({ asOf: '2025-03-06T09:00:00' }).expect(400)).body.errors[0].field).toBe('asOf');
    }
  });
});
