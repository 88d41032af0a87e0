import { calendarDay, durationInWords, humanise, inSentence, londonDateTime, londonInstant } from './london-time';

describe('London time on the pages', () => {
  it('shows an instant in London time: BST in summer, GMT in winter', () => {
    expect(londonDateTime('2026-07-01T08:30:00Z')).toBe('1 Jul 2026, 09:30');
    expect(londonDateTime('2026-01-01T08:30:00Z')).toBe('1 Jan 2026, 08:30');
  });

  it('reads a London wall-clock time as its instant, on either side of the clocks going forward (29 March 2026)', () => {
    expect(londonInstant('2026-03-28', '12:00').toISOString()).toBe('2026-03-28T12:00:00.000Z');
    expect(londonInstant('2026-03-30', '12:00').toISOString()).toBe('2026-03-30T11:00:00.000Z');
  });

  it('says how long in plain words', () => {
    expect(durationInWords(30 * 60_000)).toBe('under an hour');
    expect(durationInWords(5 * 3_600_000)).toBe('5 hours');
    expect(durationInWords(28 * 3_600_000)).toBe('1 day 4 hours');
    expect(durationInWords(9 * 86_400_000 + 3_600_000)).toBe('9 days');
  });

  it('turns identifiers into words', () => {
    expect(humanise('FileSubmittedToCps')).toBe('File submitted to CPS');
    expect(humanise('due-soon')).toBe('Due soon');
    expect(humanise('sms')).toBe('SMS');
    expect(humanise('wounding-gbh-with-intent')).toBe('Wounding GBH with intent');
    expect(humanise('18-24')).toBe('18 to 24');
    expect(humanise('65-plus')).toBe('65 plus');
  });

  it('turns identifiers into words for the middle of a sentence, initialisms still in capitals', () => {
    expect(inSentence('hearing-date')).toBe('hearing date');
    expect(inSentence('vps-offered')).toBe('VPS offered');
    expect(inSentence('cps-decision-letter')).toBe('CPS decision letter');
    expect(inSentence('MostSeriousCrime')).toBe('most serious crime');
  });

  it('reads a date input as a calendar day only when the calendar has it: 29 February in a leap year, not in another', () => {
    expect(calendarDay('29', '2', '2028')).toBe('2028-02-29');
    expect(calendarDay('05', '03', '2026')).toBe('2026-03-05');
    expect([calendarDay('29', '2', '2026'), calendarDay('31', '4', '2026'), calendarDay('0', '1', '2026'), calendarDay('1', '0', '2026'), calendarDay('1', '1', '')]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
