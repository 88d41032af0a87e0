import fc from 'fast-check';
import { caseStateAfter, caseStateFrom, type CaseEvent } from '@case-journey/domain';
import { DEMO_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseObligationsFrom, caseObligationsOf, recordedAsOf } from './case-obligations';
import { ComplianceCounts } from './compliance-cells';
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
      const complianceCells = (reading: typeof after) => new ComplianceCounts().add(reading).cells();
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
  describe('judged on a state folded in parts (the projection keeps each case folded between batches)', () => {
    /** The case judged at `now` on its first `cut` events folded, then the rest folded on. */
    const foldedInTwo = (caseId: string, events: readonly CaseEvent[], cut: number, now: Date) => {
      const recorded = recordedAsOf(events, now);
      const state = caseStateAfter(caseStateFrom(recorded.slice(0, cut)), recorded.slice(cut));
      return { state, reading: caseObligationsFrom(caseId, { recorded, state }, now, calendar) };
    };

    it('given the report folded in one batch, when the referral and a contact follow in the next, then the referral is met and the victim has both touchpoints', () => {
      const { state, reading } = foldedInTwo(CASE, [reported, referred, told], 1, new Date('2025-03-10T12:00:00.000Z'));

      expect(state).toMatchObject({ eventCount: 3, area: 'Wessex', stage: 'investigation', lastOccurredAt: '2025-03-04T09:00:00.000Z' });
      // Referred on Tuesday 4 March, within the two working days from Monday's report (due by the end of Wednesday 5 March).
      expect(referral(reading)).toMatchObject({ status: 'met', dueAt: '2025-03-05T23:59:59.999Z', satisfiedAt: '2025-03-04T09:00:00.000Z', satisfiedByEventId: referred.metadata.eventId });
      // Told on Monday afternoon, referred on Tuesday morning: in the order they happened, not recorded.
      expect(reading.victims[0].touchpoints.map((touchpoint) => touchpoint.eventId)).toEqual([told.metadata.eventId, referred.metadata.eventId]);
      // Nothing has passed the case on since the report: the Police hold the investigation since then.
      expect(reading.finder).toMatchObject({ waitingOn: { agency: 'Police', since: '2025-03-03T10:00:00.000Z' }, stage: 'investigation', victims: 1 });
      expect(reading).toEqual(caseObligationsOf(CASE, [reported, referred, told], new Date('2025-03-10T12:00:00.000Z'), calendar));
    });

    it('given a hearing listed in one batch, when a correction moves it in the next, then the reading takes the corrected listing', () => {
      const listed = aCaseEvent(CASE, 'HearingListed', '2025-03-14T10:00:00.000Z', 'HMCTS', { hearingId: 'h', hearingType: 'first', court: 'Court', courtTier: 'magistrates', scheduledFor: '2025-03-27T09:30:00.000Z' });
      const charged = aCaseEvent(CASE, 'ChargeDecisionMade', '2025-03-13T10:00:00.000Z', 'CPS', { decision: 'charge', decidedBy: 'CPS', charges: [] });
      const corrected = aCaseEvent(CASE, 'EventCorrected', '2025-03-15T10:00:00.000Z', 'HMCTS', { correctedEventId: listed.metadata.eventId, data: { scheduledFor: '2025-04-03T09:30:00.000Z' }, reason: 'Relisted' });
      const events = [reported, charged, listed, corrected];
      const { state, reading } = foldedInTwo(CASE, events, 3, new Date('2025-04-10T12:00:00.000Z'));

      expect(state.hearings).toEqual([expect.objectContaining({ hearingId: 'h', scheduledFor: '2025-04-03T09:30:00.000Z' })]);
      // Charged on 13 March at 10:00, first hearing (as corrected) on 3 April at 09:30: 20 whole days and 23½ hours.
      expect(reading.timeliness).toContainEqual({ measure: 'charge-to-first-hearing', value: 20, unit: 'days', at: '2025-04-03T09:30:00.000Z' });
      expect(reading).toEqual(caseObligationsOf(CASE, events, new Date('2025-04-10T12:00:00.000Z'), calendar));
    });

    it("is the reading of the whole case folded at once, for the demo profile's generated cases cut anywhere and judged at any instant", () => {
      const generated = [...generateCases(DEMO_PROFILE, { seed: 11, cases: 200, calendar, rulebook: VICTIMS_CODE_2020, seal: () => ({ keyId: 'k', ciphertext: '' }) as never })];
      // Half the draws from the few cases with a correction or retraction, which fold differently.
      const amended = generated.filter(({ events }) => events.some((event) => event.type === 'EventCorrected' || event.type === 'EventRetracted'));
      expect(amended.length).toBeGreaterThan(3);
      const aCase = fc.oneof(fc.constantFrom(...generated), fc.constantFrom(...amended));
      const profileNow = Date.parse(DEMO_PROFILE.now);
      const aCut = fc.record({ generatedCase: aCase, share: fc.double({ min: 0, max: 1, noNaN: true }), daysBefore: fc.nat({ max: 400 }) });
      fc.assert(
        fc.property(aCut, ({ generatedCase, share, daysBefore }) => {
          const { caseId, events } = generatedCase;
          const now = new Date(profileNow - daysBefore * 86_400_000);
          const cut = Math.floor(share * recordedAsOf(events, now).length);
          expect(foldedInTwo(caseId, events, cut, now).reading).toEqual(caseObligationsOf(caseId, events, now, calendar));
        }),
        { numRuns: 200 },
      );
    });
  });
});
