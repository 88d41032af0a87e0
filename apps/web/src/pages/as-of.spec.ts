import { asOfFrom } from './as-of';

const NOW = new Date('2026-07-15T10:00:00Z');
const day = (d: string, m: string, y: string) => ({ 'asOf-day': d, 'asOf-month': m, 'asOf-year': y });

describe('the "as of" date picker', () => {
  it('given no date, asks about now', () => {
    expect(asOfFrom({}, NOW)).toEqual({ fields: { day: '', month: '', year: '' } });
  });

  it('given a past summer day, asks about its last moment in London (23:59:59.999 BST = 22:59:59.999Z)', () => {
    expect(asOfFrom(day('1', '7', '2026'), NOW)).toMatchObject({ day: '2026-07-01', instant: '2026-07-01T22:59:59.999Z' });
  });

  it('given a past winter day, its last moment is 23:59:59.999Z (GMT)', () => {
    expect(asOfFrom(day('31', '1', '2026'), NOW)).toMatchObject({ day: '2026-01-31', instant: '2026-01-31T23:59:59.999Z' });
  });

  it('given today, asks about now', () => {
    expect(asOfFrom(day('15', '7', '2026'), NOW)).toEqual({ fields: { day: '15', month: '7', year: '2026' }, day: '2026-07-15' });
  });

  it.each([
    [day('31', '2', '2026'), 'real date'],
    [day('x', '2', '2026'), 'real date'],
    // Past what a month has, or no month at all: once a server error, from a date the parser could not make.
    [day('32', '1', '2026'), 'real date'],
    [day('1', '13', '2025'), 'real date'],
    [day('', '2', '2026'), 'real date'],
    [day('1', '1', '1989'), 'real date'],
    [day('16', '7', '2026'), 'today or in the past'],
  ])('given %j, says it must be a %s', (query, words) => {
    const answer = asOfFrom(query, NOW);
    expect('errorList' in answer && answer.errorList[0].text).toContain(words);
  });
});
