import { DEMO_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseTimeline } from './case-timeline';
import { readyTimelineOf, timelineAt } from './ready-timeline';
import { timelineRecordOf } from './timeline-record';

const CASE = 'c-1';
const DAY = 24 * 3_600_000;
const reported = timelineRecordOf(aCrimeReport(CASE, '2025-03-03T10:00:00.000Z', [aVictim('v-1')]));
const fileSent = timelineRecordOf(aCaseEvent(CASE, 'FileSubmittedToCps', '2025-03-10T10:00:00.000Z', 'Police', { fileId: 'f-1', kind: 'full-file' }));

describe('readyTimelineOf / timelineAt', () => {
  it('given no records, is null', () => {
    expect(readyTimelineOf([])).toBeNull();
  });

  it('given a case waiting on the CPS since a file was sent, brings how long it has waited up to the instant read at', () => {
    const ready = readyTimelineOf([reported, fileSent])!;

    expect(ready.heldFromMs).toBe(Date.parse('2025-03-10T10:00:00.000Z'));
    expect(ready.area).toBe('Wessex');
    // Mon 10 March 10:00 → Mon 17 March 10:00: 7 days, 5 working days (Tue–Fri, Mon).
    const week = timelineAt(ready, new Date('2025-03-17T10:00:00.000Z'));
    expect(week.heldMs).toBe(7 * DAY);
    const weekText = JSON.parse(week.text);
    expect(weekText.waitingOn).toMatchObject({ agency: 'CPS', since: '2025-03-10T10:00:00.000Z', forMs: 7 * DAY, forCalendarDays: 7, forWorkingDays: 5 });
    expect(weekText.stints.at(-1)).toMatchObject({ agency: 'CPS', until: null, durationMs: 7 * DAY, durationCalendarDays: 7, durationWorkingDays: 5 });
    // The next day: one more of each.
    const dayAfter = JSON.parse(timelineAt(ready, new Date('2025-03-18T10:00:00.000Z')).text);
    expect(dayAfter.waitingOn).toMatchObject({ forMs: 8 * DAY, forCalendarDays: 8, forWorkingDays: 6 });
    // The Police's stint ended when the file was sent: 7 days, 5 working, whenever it is read.
    expect(dayAfter.stints[0]).toMatchObject({ agency: 'Police', until: '2025-03-10T10:00:00.000Z', durationMs: 7 * DAY, durationCalendarDays: 7, durationWorkingDays: 5 });
  });

  it("given text that holds the control characters its places are marked with, sends them escaped as JSON.stringify does", () => {
    const odd = timelineRecordOf(aCaseEvent(CASE, 'EventRetracted', '2025-03-11T10:00:00.000Z', 'Police', { retractedEventId: fileSent.metadata.eventId, reason: 'keyed \u0001\u0002\u0003 twice' }));
    const records = [reported, fileSent, odd];
    const now = new Date('2025-04-01T12:00:00.000Z');

    expect(timelineAt(readyTimelineOf(records)!, now).text).toBe(JSON.stringify(caseTimeline(records, now)));
  });

  it('is the text of caseTimeline at any instant, for generated cases cut anywhere (open, closed, corrected, retracted, late)', () => {
    const cases = [...generateCases(DEMO_PROFILE, { seed: 11, cases: 120, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: () => ({ keyId: 'k', ciphertext: '' }) as never })];
    const instants = ['2020-01-01T00:00:00.000Z', DEMO_PROFILE.now, '2026-03-29T00:30:00.000Z', '2031-07-04T16:45:00.000Z'].map((at) => new Date(at));
    let held = 0;
    let compared = 0;
    for (const { events } of cases) {
      const records = events.map(timelineRecordOf);
      for (const cut of new Set([1, Math.ceil(records.length / 2), records.length])) {
        const ready = readyTimelineOf(records.slice(0, cut))!;
        if (ready.heldFromMs !== null) held++;
        for (const now of instants) {
          expect(timelineAt(ready, now).text).toBe(JSON.stringify(caseTimeline(records.slice(0, cut), now)));
          compared++;
        }
      }
    }
    // Both kinds were met: timelines whose last step is still held and ones whose is not.
    expect(held).toBeGreaterThan(50);
    expect(compared - held * instants.length).toBeGreaterThan(50);
  });
});
