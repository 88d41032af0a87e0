import { WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseObligationsOf } from './case-obligations';
import { complianceCells } from './compliance-cells';
import { deadlinesOf } from './deadlines';
import { worklistOf } from './worklist';

const calendar = new WorkingDayCalendar();
const CASE = 'c-1';
// Monday 3 March 2025; the referral (R4, 2 working days) is due by the end of Wednesday 5 March.
const reported = aCrimeReport(CASE, '2025-03-03T10:00:00.000Z', [aVictim('v-1', { ageBand: '18-24' })]);
const referred = aCaseEvent(CASE, 'VictimReferredToSupport', '2025-03-04T09:00:00.000Z', 'Police', { victimId: 'v-1', service: 'Wessex Victim Care' });
const told = aCaseEvent(CASE, 'VictimInformed', '2025-03-03T15:00:00.000Z', 'Police', { victimId: 'v-1', topic: 'crime-report-confirmation', channel: 'email' });

const referral = (reading: ReturnType<typeof caseObligationsOf>) => reading.obligations.find((obligation) => obligation.ruleId === 'R4.referral')!;

describe('caseObligationsOf', () => {
  it('given a fresh report, owes the referral by the second working day, pending until the day before', () => {
    const reading = caseObligationsOf(CASE, [reported], new Date('2025-03-03T12:00:00.000Z'), calendar);

    expect(reading).toMatchObject({ caseId: CASE, area: 'Wessex', urn: '99WX0000001', offenceCategory: 'burglary', asOf: '2025-03-03T12:00:00.000Z' });
    expect(referral(reading)).toMatchObject({ victimId: 'v-1', responsible: 'Police', dueAt: '2025-03-05T23:59:59.999Z', status: 'pending' });
    expect(caseObligationsOf(CASE, [reported], new Date('2025-03-04T12:00:00.000Z'), calendar).obligations.find((o) => o.ruleId === 'R4.referral')!.status).toBe('due-soon');
  });

  it('gives each victim their touchpoints in the order they happened, with their characteristics and enhanced rights', () => {
    const reading = caseObligationsOf(CASE, [reported, referred, told], new Date('2025-03-10T12:00:00.000Z'), calendar);

    expect(reading.victims).toEqual([
      expect.objectContaining({
        victimId: 'v-1',
        ageBand: '18-24',
        sex: 'female',
        contactPreference: 'phone',
        enhanced: { enhanced: false, since: null, grounds: [] },
        touchpoints: [
          { eventId: told.metadata.eventId, type: 'VictimInformed', agency: 'Police', occurredAt: told.metadata.occurredAt, topic: 'crime-report-confirmation', channel: 'email' },
          { eventId: referred.metadata.eventId, type: 'VictimReferredToSupport', agency: 'Police', occurredAt: referred.metadata.occurredAt, topic: null, channel: null },
        ],
      }),
    ]);
    expect(referral(reading)).toMatchObject({ status: 'met', satisfiedByEventId: referred.metadata.eventId });
  });

  it('leaves out what was recorded after the instant it is judged at', () => {
    const recordedLater = { ...referred, metadata: { ...referred.metadata, recordedAt: '2025-03-20T09:00:00.000Z' } };
    const reading = caseObligationsOf(CASE, [reported, recordedLater], new Date('2025-03-10T12:00:00.000Z'), calendar);
    expect(referral(reading).status).toBe('breached');
    expect(reading.victims[0].touchpoints).toEqual([]);
  });

  it('samples the timeliness measures from the case: report to decision, file to CPS decision, charge to first hearing', () => {
    const events = [
      reported,
      aCaseEvent(CASE, 'FileSubmittedToCps', '2025-03-10T10:00:00.000Z', 'Police', { fileId: 'f', kind: 'full-file' }),
      aCaseEvent(CASE, 'ChargeDecisionMade', '2025-03-13T10:00:00.000Z', 'CPS', { decision: 'charge', decidedBy: 'CPS', charges: [] }),
      aCaseEvent(CASE, 'HearingListed', '2025-03-14T10:00:00.000Z', 'HMCTS', { hearingId: 'h', hearingType: 'first', court: 'Court', courtTier: 'magistrates', scheduledFor: '2025-03-27T09:30:00.000Z' }),
    ];
    const reading = caseObligationsOf(CASE, events, new Date('2025-04-01T12:00:00.000Z'), calendar);
    expect(reading.timeliness).toEqual([
      { measure: 'reported-to-charge-decision', value: 10, unit: 'days', at: '2025-03-13T10:00:00.000Z' },
      { measure: 'file-to-cps-decision', value: 3, unit: 'days', at: '2025-03-13T10:00:00.000Z' },
      { measure: 'charge-to-first-hearing', value: 13, unit: 'days', at: '2025-03-27T09:30:00.000Z' },
      // the hearing was listed without a notice to the WCU: its clock starts at the listing itself
    ]);
  });

  it('samples the court-to-WCU handoff in working days once per court notice', () => {
    const listed = aCaseEvent(CASE, 'HearingListed', '2025-03-14T10:00:00.000Z', 'HMCTS', { hearingId: 'h', hearingType: 'trial', court: 'Court', courtTier: 'crown', scheduledFor: '2025-05-27T09:30:00.000Z' });
    const notice = aCaseEvent(CASE, 'CourtNoticeReceived', '2025-03-20T10:00:00.000Z', 'WCU', { hearingId: 'h', notice: 'hearing-listing' });
    const reading = caseObligationsOf(CASE, [reported, listed, notice], new Date('2025-04-01T12:00:00.000Z'), calendar);
    expect(reading.timeliness.filter((sample) => sample.measure === 'court-to-wcu-receipt')).toEqual([
      { measure: 'court-to-wcu-receipt', value: 4, unit: 'working-days', at: '2025-03-20T10:00:00.000Z' },
    ]);
  });

  describe("once a victim's personal data is erased", () => {
    const second = aCaseEvent(CASE, 'VictimRegistered', '2025-03-03T11:00:00.000Z', 'Police', { victim: aVictim('v-2', { sex: 'male', ethnicity: 'asian' }) });
    const erased = aCaseEvent(CASE, 'VictimDataErased', '2025-03-04T10:00:00.000Z', 'Police', { victimId: 'v-1', basis: 'request', reason: 'Request upheld' });
    const at = new Date('2025-03-04T12:00:00.000Z');
    const before = caseObligationsOf(CASE, [reported, second, told], at, calendar);
    const after = caseObligationsOf(CASE, [reported, second, told, erased], at, calendar);

    it('keeps their obligations and what they are counted by, so that every compliance count stays as it was', () => {
      expect(after.obligations).toEqual(before.obligations);
      expect(after.erasedVictims).toEqual([{ victimId: 'v-1', erasedAt: '2025-03-04T10:00:00.000Z', kind: 'person', ageBand: '18-24', sex: 'female', ethnicity: 'white' }]);
      expect(complianceCells(after)).toEqual(complianceCells(before));
      // Worked by hand: two victims each owed the referral, counted by sex as one female and one male.
      expect(complianceCells(after).get('victims-sex:Wessex:2025-03#R4.referral|female|due-soon')).toBe(1);
      expect(complianceCells(after).get('victims-sex:Wessex:2025-03#R4.referral|male|due-soon')).toBe(1);
    });

    it('forgets their journey, takes their obligations off the worklist and drops their deadlines; the other victim keeps all of it', () => {
      expect(after.victims.map((victim) => victim.victimId)).toEqual(['v-2']);
      expect(JSON.stringify(after.erasedVictims)).not.toMatch(/contactPreference|touchpoints|optOuts|enhanced/);
      const listedFor = (reading: typeof after) => [...worklistOf(reading).values()].map((placement) => placement.item.victimId);
      expect(new Set(listedFor(before))).toEqual(new Set(['v-1', 'v-2']));
      expect(new Set(listedFor(after))).toEqual(new Set(['v-2']));
      const deadlineVictims = (reading: typeof after) =>
        new Set([...deadlinesOf(reading, calendar).values()].map((deadline) => reading.obligations.find((o) => o.id === deadline.obligationId)!.victimId));
      expect(deadlineVictims(before)).toEqual(new Set(['v-1', 'v-2']));
      expect(deadlineVictims(after)).toEqual(new Set(['v-2']));
    });
  });
});
