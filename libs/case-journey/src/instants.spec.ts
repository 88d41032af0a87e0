import { compareInstants, isBefore, isIsoInstant, laterOf } from './instants';

describe('instants', () => {
  it.each([
    ['2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.001Z', -1],
    ['2026-03-02T10:00:00.000Z', '2026-03-02T09:59:59.999Z', 1],
    ['2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', 0],
    // Different shapes or zones are compared as moments, not as text.
    ['2026-03-02T09:00:00Z', '2026-03-02T08:59:59.500Z', 1],
    ['2026-03-02T10:00:00+01:00', '2026-03-02T09:30:00.000Z', -1],
    ['2026-03-02T10:00:00+01:00', '2026-03-02T09:00:00Z', 0],
  ])('compares %s with %s as %i', (a, b, sign) => {
    expect(Math.sign(compareInstants(a, b))).toBe(sign);
  });

  it('finds the earlier and the later instant', () => {
    expect(isBefore('2026-03-02T10:00:00+01:00', '2026-03-02T09:30:00.000Z')).toBe(true);
    expect(laterOf(null, '2026-03-02T09:00:00.000Z')).toBe('2026-03-02T09:00:00.000Z');
    expect(laterOf('2026-03-02T09:00:00.000Z', '2026-03-01T09:00:00.000Z')).toBe('2026-03-02T09:00:00.000Z');
    expect(laterOf('2026-03-02T09:00:00Z', '2026-03-02T09:00:00.000Z')).toBe('2026-03-02T09:00:00Z');
  });

  describe('an ISO instant', () => {
    it.each(['2026-03-02T09:00:00.000Z', '2026-03-02T09:00Z', '2024-02-29T23:59:59.123456789Z', '2026-06-16T10:30:00+01:00', '2026-06-16T04:00:00-05:30'])(
      'is %s, which names its zone',
      (value) => expect(isIsoInstant(value)).toBe(true),
    );

    it.each([
      ['no zone, read in the server’s local time', '2026-03-02T09:00:00'],
      ['the basic offset, which Date parses only by custom', '2026-06-16T10:30:00+0100'],
      ['an hour-only offset', '2026-06-16T10:30:00+01'],
      ['a date alone', '2026-03-02'],
      ['a space for the T', '2026-03-02 09:00:00Z'],
      ['a day the calendar lacks', '2026-02-29T09:00:00Z'],
      ['the 31st of a 30-day month', '2026-04-31T09:00:00Z'],
      ['the 13th month', '2026-13-01T09:00:00Z'],
      ['hour 24', '2026-03-02T24:00:00Z'],
      ['second 60', '2026-03-02T09:00:60Z'],
      ['not text', 1772442000000],
    ])('is not %s', (_why, value) => expect(isIsoInstant(value)).toBe(false));
  });
});
