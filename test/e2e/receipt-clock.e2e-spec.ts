import { CRIME_REPORT_EXAMPLE, EXAMPLE_IDS, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { startApiWithWorker, within, type ApiWithWorker } from './api-with-worker';

/** Tuesday 8 April 2025, 09:00 UTC (10:00 BST). */
const NOW = new Date('2025-04-08T09:00:00.000Z');

describe("the Witness Care Unit's clock runs from its receipt of the court's notice", () => {
  let app: ApiWithWorker;
  beforeAll(async () => {
    app = await startApiWithWorker({ keyPrefix: `cjtest-receipt-${process.pid}`, areas: ['Hertfordshire'], now: () => NOW });
  });
  afterAll(() => app.close());
  const post = (path: string, body: object) => app.post(path, body);
  const get = (path: string) => app.get(path);

  it('counts the one working day from Monday when the court sent the listing on Friday and the WCU received it after midnight BST', async () => {
    const caseId = (await post('/cases', CRIME_REPORT_EXAMPLE).expect(201)).body.caseId as string;
    await post(`/cases/${caseId}/events`, HANDOFF_EXAMPLES.ChargeDecisionMade).expect(201);
    // Listed Thursday 3 April; the court sends its notice on Friday 4 April; the WCU receives it at
    // 23:30 UTC on Sunday 6 April, which is 00:30 BST on Monday 7 April.
    await post(`/cases/${caseId}/events`, { ...HANDOFF_EXAMPLES.HearingListed, occurredAt: '2025-04-03T14:00:00Z' }).expect(201);
    await post(`/cases/${caseId}/events`, { ...HANDOFF_EXAMPLES.CourtNoticeReceived, occurredAt: '2025-04-04T15:30:00Z', receivedAt: '2025-04-06T23:30:00Z' }).expect(201);

    const hearingDate = async () => {
      const response = await get(`/cases/${caseId}/victims/${EXAMPLE_IDS.victim}/journey`);
      if (response.status !== 200) return undefined;
      return (response.body.obligations as Array<Record<string, unknown>>).find((o) => o.ruleId === 'R8.hearing-date');
    };
    // The listing alone makes the obligation (clock from the court's sending); wait for the notice's receipt to reach it.
    await within(2000, 'the hearing-date obligation clocked from the notice', async () => (await hearingDate())?.clockSource === 'court-notice');
    // London day of receipt Monday 7 April; one working day: the end of Tuesday 8 April in BST (22:59:59.999 UTC).
    // From the court's sending it would have been due on Monday 7 April and breached by now.
    // Court to WCU: listed Thursday 3, received Monday 7: Friday 4 and Monday 7 = 2 working days.
    expect(await hearingDate()).toMatchObject({
      clockSource: 'court-notice',
      clockStartedAt: '2025-04-06T23:30:00.000Z',
      dueAt: '2025-04-08T22:59:59.999Z',
      status: 'due-soon',
      handoffWorkingDays: 2,
    });
    const worklist = await get('/worklists/witness-care').query({ agency: 'WCU' }).expect(200);
    expect(worklist.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, ruleId: 'R8.hearing-date', dueAt: '2025-04-08T22:59:59.999Z' })]));

    // The WCU tells the victim at 09:30 BST on Tuesday: on time.
    const told = {
      type: 'VictimInformed',
      agency: 'WCU',
      sourceSystem: 'WMS',
      sourceReference: 'WMS-3310-T1',
      occurredAt: '2025-04-08T08:30:00Z',
      data: { victimId: EXAMPLE_IDS.victim, topic: 'hearing-date', channel: 'phone', hearingId: EXAMPLE_IDS.hearing },
    };
    await post(`/cases/${caseId}/events`, told).expect(201);
    await within(2000, 'the contact', async () => (await hearingDate())?.status === 'met');
  });
});
