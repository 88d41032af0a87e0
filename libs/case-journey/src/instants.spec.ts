import { compareInstants, isBefore, laterOf } from './instants';

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
});
