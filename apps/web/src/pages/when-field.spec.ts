import { instantOf } from './when-field';

const NOW = new Date('2026-07-15T12:00:00.000Z');
const when = (day: string, month: string, year: string, time = '09:30') => ({ day, month, year, time });

describe('the "when" of a handoff or contact form', () => {
  it('given a summer day and time in London, is that wall-clock time in BST', () => {
    expect(instantOf(when('14', '7', '2026', '09:30'), NOW)).toEqual({ instant: '2026-07-14T08:30:00.000Z' });
  });

  it.each([
    ['left empty', when('', '', '')],
    ['31 February', when('31', '2', '2026')],
    ['day 32', when('32', '1', '2026')],
    ['month 13', when('1', '13', '2026')],
    ['a two-digit year', when('1', '2', '26')],
  ])('given a date %s, says it must be a real date rather than failing', (_, fields) => {
    expect(instantOf(fields, NOW)).toEqual({ problem: 'When must be a real date, for example 27 3 2026' });
  });

  it('given a time that is no time of day, or a moment still to come, says so', () => {
    expect(instantOf(when('14', '7', '2026', '24:00'), NOW)).toEqual({ problem: 'Time must be a 24-hour time, for example 14:30' });
    expect(instantOf(when('15', '7', '2026', '13:06'), NOW)).toEqual({ problem: 'When must be now or in the past' });
  });
});
