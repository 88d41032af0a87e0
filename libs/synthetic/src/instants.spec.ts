import fc from 'fast-check';
import { isoInstant } from './instants';

describe('isoInstant', () => {
  it('writes exactly what Date#toISOString writes, fractional milliseconds included', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 4_102_444_800_000, noNaN: true }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    expect(isoInstant(Date.parse('2025-03-30T00:59:59.999Z'))).toBe('2025-03-30T00:59:59.999Z');
    expect(isoInstant(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
