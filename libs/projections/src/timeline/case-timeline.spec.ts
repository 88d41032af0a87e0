import { DEMO_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseTimeline, caseWaitingOnSince } from './case-timeline';
import { timelineRecordOf } from './timeline-record';

const CASE = 'c-1';
const NOW = new Date('2025-04-01T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const reported = aCrimeReport(CASE, '2025-03-03T10:00:00.000Z', [aVictim('v-1')]);
const arrested = aCaseEvent(CASE, 'SuspectEventRecorded', '2025-03-04T10:00:00.000Z', 'Police', { suspectId: 's-1', kind: 'arrested' });
const fileSent = aCaseEvent(CASE, 'FileSubmittedToCps', '2025-03-10T10:00:00.000Z', 'Police', { fileId: 'f-1', kind: 'full-file' });
const charged = aCaseEvent(CASE, 'ChargeDecisionMade', '2025-03-12T10:00:00.000Z', 'CPS', { decision: 'charge', decidedBy: 'CPS', charges: [] });
const informed = aCaseEvent(CASE, 'VictimInformed', '2025-03-13T10:00:00.000Z', 'Police', { victimId: 'v-1', topic: 'charge-decision', channel: 'phone' });

const timelineOf = (...events: Parameters<typeof timelineRecordOf>[0][]) => caseTimeline(events.map(timelineRecordOf), NOW)!;
const ids = (timeline: ReturnType<typeof timelineOf>) => timeline.entries.map((entry) => entry.eventId);

describe('caseTimeline', () => {
  it('given no records, is null', () => {
    expect(caseTimeline([], NOW)).toBeNull();
  });

  it('given handoffs in order, lists them with the business time between them and who held the next step for how long', () => {
    const timeline = timelineOf(reported, arrested, fileSent, charged, informed);

    expect(timeline).toMatchObject({ caseId: CASE, area: 'Wessex', urn: '99WX0000001' });
    expect(timeline.entries.map((entry) => entry.sincePreviousMs)).toEqual([null, DAY, 6 * DAY, 2 * DAY, DAY]);
    // Mon 3 → Tue 4, Mon 10, Wed 12, Thu 13 March: calendar days 1, 6, 2, 1; working days 1, 4 (Wed–Fri, Mon), 2, 1.
    expect(timeline.entries.map((entry) => [entry.sincePreviousCalendarDays, entry.sincePreviousWorkingDays])).toEqual([[null, null], [1, 1], [6, 4], [2, 2], [1, 1]]);
    // Every entry names whom the case is with after it; the victim contact passes nothing on.
    expect(timeline.entries.map((entry) => [entry.handsTo, entry.passesOn])).toEqual([['Police', true], ['Police', true], ['CPS', true], ['HMCTS', true], ['HMCTS', false]]);
    // Police Mon 3 → Mon 10: 7 days, 5 working (Tue–Fri, Mon); CPS Mon 10 → Wed 12: 2 and 2; HMCTS from Wed 12 March to
    // Tue 1 April: 20 days, 14 working (Thu 13, Fri 14, two whole weeks, Mon 31, Tue 1).
    expect(timeline.stints).toEqual([
      { agency: 'Police', step: 'investigation', from: reported.metadata.occurredAt, until: fileSent.metadata.occurredAt, durationMs: 7 * DAY, durationCalendarDays: 7, durationWorkingDays: 5, startedBy: reported.metadata.eventId },
      { agency: 'CPS', step: 'file review', from: fileSent.metadata.occurredAt, until: charged.metadata.occurredAt, durationMs: 2 * DAY, durationCalendarDays: 2, durationWorkingDays: 2, startedBy: fileSent.metadata.eventId },
      {
        agency: 'HMCTS',
        step: 'listing',
        from: charged.metadata.occurredAt,
        until: null,
        durationMs: NOW.getTime() - Date.parse(charged.metadata.occurredAt),
        durationCalendarDays: 20,
        durationWorkingDays: 14,
        startedBy: charged.metadata.eventId,
      },
    ]);
    expect(timeline.waitingOn).toEqual({ agency: 'HMCTS', step: 'listing', since: charged.metadata.occurredAt, forMs: 20 * DAY + 2 * HOUR, forCalendarDays: 20, forWorkingDays: 14, after: 'ChargeDecisionMade' });
  });

  it('given a hearing listed after the charge, waits on the court for the hearing since the listing, not since the charge', () => {
    const listed = aCaseEvent(CASE, 'HearingListed', '2025-03-14T10:00:00.000Z', 'HMCTS', { hearingId: 'h-1', hearingType: 'first', court: 'Court', courtTier: 'magistrates', scheduledFor: '2025-04-20T09:30:00.000Z' });
    const timeline = timelineOf(reported, fileSent, charged, listed);
    expect(timeline.waitingOn).toMatchObject({ agency: 'HMCTS', step: 'hearing', since: listed.metadata.occurredAt, after: 'HearingListed' });
    expect(timeline.stints.slice(-2).map((stint) => [stint.step, stint.durationCalendarDays])).toEqual([['listing', 2], ['hearing', 18]]);
  });

  it('groups the entries by the agency that recorded them', () => {
    const timeline = timelineOf(reported, arrested, fileSent, charged, informed);
    expect(timeline.byAgency).toEqual([
      { agency: 'Police', events: 4, first: reported.metadata.occurredAt, last: informed.metadata.occurredAt, eventIds: [reported, arrested, fileSent, informed].map((e) => e.metadata.eventId) },
      { agency: 'CPS', events: 1, first: charged.metadata.occurredAt, last: charged.metadata.occurredAt, eventIds: [charged.metadata.eventId] },
    ]);
  });

  it('given a handoff recorded after later ones, places it where it happened and marks it as arrived late', () => {
    const timeline = timelineOf(reported, fileSent, charged, arrested);

    expect(ids(timeline)).toEqual([reported, arrested, fileSent, charged].map((e) => e.metadata.eventId));
    expect(timeline.entries.map((entry) => entry.arrivedLate)).toEqual([false, true, false, false]);
  });

  it('given a correction of when a handoff happened, moves it and lists the amendment', () => {
    const correction = aCaseEvent(CASE, 'EventCorrected', '2025-03-20T10:00:00.000Z', 'Police', {
      correctedEventId: arrested.metadata.eventId,
      occurredAt: '2025-03-11T10:00:00.000Z',
      reason: 'Wrong day keyed',
    });
    const timeline = timelineOf(reported, arrested, fileSent, correction);

    expect(ids(timeline)).toEqual([reported, fileSent, arrested].map((e) => e.metadata.eventId));
    expect(timeline.entries[2]).toMatchObject({
      occurredAt: '2025-03-11T10:00:00.000Z',
      amendments: [{ eventId: correction.metadata.eventId, reason: 'Wrong day keyed', recordedAt: correction.metadata.recordedAt }],
    });
    // the arrest after the file hands the next step back to the police
    expect(timeline.waitingOn).toMatchObject({ agency: 'Police', since: '2025-03-11T10:00:00.000Z' });
  });

  it('given a retraction, leaves the handoff out and says who retracted it and why', () => {
    const retraction = aCaseEvent(CASE, 'EventRetracted', '2025-03-20T10:00:00.000Z', 'CPS', { retractedEventId: charged.metadata.eventId, reason: 'Wrong case' });
    const timeline = timelineOf(reported, fileSent, charged, retraction);

    expect(ids(timeline)).toEqual([reported, fileSent].map((e) => e.metadata.eventId));
    expect(timeline.retracted).toEqual([{ eventId: charged.metadata.eventId, type: 'ChargeDecisionMade', reason: 'Wrong case', retractedBy: retraction.metadata.eventId }]);
    expect(timeline.waitingOn).toMatchObject({ agency: 'CPS' });
  });

  it('given a decision that closes the case, waits on nobody', () => {
    const nfa = aCaseEvent(CASE, 'ChargeDecisionMade', '2025-03-12T10:00:00.000Z', 'CPS', { decision: 'no-further-action', decidedBy: 'CPS', charges: [] });
    const timeline = timelineOf(reported, fileSent, nfa);
    expect(timeline.waitingOn).toBeNull();
    expect(timeline.stints.map((stint) => stint.until)).toEqual([fileSent.metadata.occurredAt, nfa.metadata.occurredAt]);
  });

  it('given an acquittal on one charge while a guilty plea to another stands, still waits on the court (the domain does not close the case)', () => {
    const listed = aCaseEvent(CASE, 'HearingListed', '2025-03-14T10:00:00.000Z', 'HMCTS', { hearingId: 'h-1', hearingType: 'trial', court: 'Court', courtTier: 'crown', scheduledFor: '2025-03-20T09:30:00.000Z' });
    const pleaded = aCaseEvent(CASE, 'PleaEntered', '2025-03-20T10:00:00.000Z', 'HMCTS', { hearingId: 'h-1', chargeId: 'charge-1', plea: 'guilty' });
    const acquitted = aCaseEvent(CASE, 'VerdictReached', '2025-03-21T10:00:00.000Z', 'HMCTS', { hearingId: 'h-1', chargeId: 'charge-2', verdict: 'acquitted' });
    const timeline = timelineOf(reported, fileSent, charged, listed, pleaded, acquitted);
    expect(timeline.waitingOn).toMatchObject({ agency: 'HMCTS', step: 'court outcome', since: pleaded.metadata.occurredAt });
  });

  it('given an acquittal on every charge, waits on nobody', () => {
    const acquitted = aCaseEvent(CASE, 'VerdictReached', '2025-03-21T10:00:00.000Z', 'HMCTS', { hearingId: 'h-1', verdict: 'acquitted' });
    expect(timelineOf(reported, fileSent, charged, acquitted).waitingOn).toBeNull();
  });

  it('keeps no victim sealed details', () => {
    const timeline = timelineOf(reported);
    expect(JSON.stringify(timeline)).not.toContain('c2VhbGVk');
    expect(timeline.entries[0].data).toMatchObject({ victims: [{ victimId: 'v-1', ageBand: '25-34' }] });
  });

  describe('caseWaitingOnSince: who holds the next step, without building the timeline', () => {
    it('given a file sent to the CPS after an arrest, is the CPS since the file was sent', () => {
      expect(caseWaitingOnSince([reported, arrested, fileSent, informed])).toEqual({ agency: 'CPS', since: '2025-03-10T10:00:00.000Z' });
    });

    it('given a decision not to charge, is nobody', () => {
      const notCharged = aCaseEvent(CASE, 'ChargeDecisionMade', '2025-03-12T10:00:00.000Z', 'CPS', { decision: 'no-further-action', decidedBy: 'CPS', charges: [] });
      expect(caseWaitingOnSince([reported, fileSent, notCharged, informed])).toBeNull();
    });

    it("is the timeline's own waitingOn for every generated case of the demo profile", () => {
      const now = new Date(DEMO_PROFILE.now);
      const cases = [...generateCases(DEMO_PROFILE, { seed: 5, cases: 150, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: () => ({ keyId: 'k', ciphertext: '' }) as never })];
      const held = cases.map(({ events }) => {
        const waiting = caseTimeline(events, now)?.waitingOn ?? null;
        return waiting && { agency: waiting.agency, since: waiting.since };
      });
      expect(held.filter((waiting) => waiting !== null).length).toBeGreaterThan(10);
      expect(held.filter((waiting) => waiting === null).length).toBeGreaterThan(10);
      expect(cases.map(({ events }) => caseWaitingOnSince(events))).toEqual(held);
    });
  });
});
