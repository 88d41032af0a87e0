import fc from 'fast-check';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseObligationsOf } from './case-obligations';
import { addDeadlineChanges, deadlineChanges, dueSoonFrom, type DeadlineChanges } from './deadlines';

const calendar = new WorkingDayCalendar();
const CASE = 'c-1';
const reported = aCrimeReport(CASE, '2025-03-03T10:00:00.000Z', [aVictim('v-1')]);
const referred = aCaseEvent(CASE, 'VictimReferredToSupport', '2025-03-04T09:00:00.000Z', 'Police', { victimId: 'v-1', service: 'Care' });
const readAt = (at: string, ...events: Parameters<typeof caseObligationsOf>[1]) => caseObligationsOf(CASE, events, new Date(at), calendar);
const referralId = (reading: ReturnType<typeof readAt>) => reading.obligations.find((obligation) => obligation.ruleId === 'R4.referral')!.id;

describe('dueSoonFrom', () => {
  it('is the first instant the engine calls the obligation due soon: the start of the last working day before the due day', () => {
    // Due Tuesday 22 April 2025: the working day before is Thursday 17 April (Good Friday and Easter Monday in between).
    const dueAt = Date.parse('2025-04-22T22:59:59.999Z');
    expect(new Date(dueSoonFrom(dueAt, calendar)).toISOString()).toBe('2025-04-16T23:00:00.000Z');
  });

  it('agrees with the calendar for any deadline: due by the end of the next working day from then on, not a millisecond before', () => {
    const deadlines = fc.tuple(fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2027-12-01') }), fc.integer({ min: 1, max: 20 }))
      .map(([from, days]) => calendar.deadlineMs(from, days));
    fc.assert(
      fc.property(deadlines, (dueAt) => {
        const from = dueSoonFrom(dueAt, calendar);
        expect(calendar.deadlineMs(from, 1)).toBeGreaterThanOrEqual(dueAt);
        expect(calendar.deadlineMs(from - 1, 1)).toBeLessThan(dueAt);
      }),
    );
  });
});

describe('deadlineChanges', () => {
  it('given a new pending obligation, schedules its warning and its breach', () => {
    const after = readAt('2025-03-03T12:00:00.000Z', reported);
    const id = referralId(after);
    const changes = deadlineChanges(null, after, calendar);
    expect(changes.cancel).toEqual([]);
    expect(changes.reschedule).toEqual([]);
    expect(changes.schedule).toEqual([
      { jobId: id, kind: 'breach', caseId: CASE, obligationId: id, at: Date.parse('2025-03-05T23:59:59.999Z') + 1 },
      { jobId: `${id}/due-soon`, kind: 'due-soon', caseId: CASE, obligationId: id, at: Date.parse('2025-03-04T00:00:00.000Z') },
    ]);
  });

  it('given the same reading again, changes nothing (rescheduling is idempotent)', () => {
    const reading = readAt('2025-03-03T12:00:00.000Z', reported);
    expect(deadlineChanges(reading, readAt('2025-03-03T13:00:00.000Z', reported), calendar)).toEqual({ schedule: [], reschedule: [], cancel: [] });
  });

  it('given the obligation met, cancels both jobs', () => {
    const before = readAt('2025-03-03T12:00:00.000Z', reported);
    const id = referralId(before);
    expect(deadlineChanges(before, readAt('2025-03-04T12:00:00.000Z', reported, referred), calendar)).toEqual({ schedule: [], reschedule: [], cancel: [id, `${id}/due-soon`] });
  });

  it('given the deadline passed before its job ran, keeps the breach job so that someone is still told', () => {
    const before = readAt('2025-03-03T12:00:00.000Z', reported);
    const id = referralId(before);
    expect(deadlineChanges(before, readAt('2025-03-06T12:00:00.000Z', reported), calendar)).toEqual({ schedule: [], reschedule: [], cancel: [`${id}/due-soon`] });
  });

  it('given an obligation already breached the first time it is read, live, queues its breach job due at once; replaying in a rebuild, nothing', () => {
    const lateReport = readAt('2025-03-10T12:00:00.000Z', reported);
    const id = referralId(lateReport);
    const breach = { jobId: id, kind: 'breach', caseId: CASE, obligationId: id, at: Date.parse('2025-03-05T23:59:59.999Z') + 1 };
    expect(deadlineChanges(null, lateReport, calendar, { live: true })).toEqual({ schedule: [breach], reschedule: [], cancel: [] });
    expect(deadlineChanges(null, lateReport, calendar)).toEqual({ schedule: [], reschedule: [], cancel: [] });
  });

  it('given an obligation breached in the previous reading too, queues nothing again', () => {
    const reading = readAt('2025-03-10T12:00:00.000Z', reported);
    expect(deadlineChanges(reading, readAt('2025-03-11T12:00:00.000Z', reported), calendar, { live: true })).toEqual({ schedule: [], reschedule: [], cancel: [] });
  });

  it('given the trigger corrected to a later day, moves both jobs', () => {
    const before = readAt('2025-03-03T12:00:00.000Z', reported);
    const id = referralId(before);
    const corrected = aCaseEvent(CASE, 'EventCorrected', '2025-03-03T13:00:00.000Z', 'Police', { correctedEventId: reported.metadata.eventId, occurredAt: '2025-03-04T10:00:00.000Z', reason: 'Keyed the wrong day' });
    const changes = deadlineChanges(before, readAt('2025-03-03T14:00:00.000Z', reported, corrected), calendar);
    expect(changes.schedule).toEqual([]);
    expect(changes.reschedule.map((deadline) => [deadline.jobId, new Date(deadline.at).toISOString()])).toEqual([
      [id, '2025-03-07T00:00:00.000Z'],
      [`${id}/due-soon`, '2025-03-05T00:00:00.000Z'],
    ]);
  });
});

describe('addDeadlineChanges', () => {
  it('given two cases\' changes, holds both, the first\'s before the second\'s, and leaves the second as it was', () => {
    const breach = (caseId: string) => ({ jobId: `${caseId}-o`, kind: 'breach' as const, caseId, obligationId: `${caseId}-o`, at: 1 });
    const into: DeadlineChanges = { schedule: [breach('a')], reschedule: [], cancel: ['a-x'] };
    const from: DeadlineChanges = { schedule: [breach('b')], reschedule: [breach('c')], cancel: ['b-x', 'b-y'] };
    addDeadlineChanges(into, from);
    expect(into).toEqual({ schedule: [breach('a'), breach('b')], reschedule: [breach('c')], cancel: ['a-x', 'b-x', 'b-y'] });
    expect(from).toEqual({ schedule: [breach('b')], reschedule: [breach('c')], cancel: ['b-x', 'b-y'] });
  });
});
