import { WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseObligationsOf } from './case-obligations';

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
});
