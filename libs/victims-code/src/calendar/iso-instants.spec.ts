import fc from 'fast-check';
import { formatInstant, parseInstant } from './iso-instants';

const instant = fc.integer({ min: 0, max: 253402300799999 });

describe('ISO instants', () => {
  it('format exactly as toISOString', () => {
    fc.assert(fc.property(instant, (ms) => formatInstant(ms) === new Date(ms).toISOString()), { numRuns: 2000 });
  });

  it('format an instant asked for again, as kept from the first time, exactly as toISOString', () => {
    fc.assert(fc.property(instant, (ms) => formatInstant(ms) === formatInstant(ms) && formatInstant(ms) === new Date(ms).toISOString()), { numRuns: 2000 });
  });

  it('parse exactly as Date.parse', () => {
    fc.assert(fc.property(instant, (ms) => parseInstant(new Date(ms).toISOString()) === ms), { numRuns: 2000 });
  });

  it('leave other forms and impossible dates to Date.parse', () => {
    expect(parseInstant('2026-06-01T10:00:00+01:00')).toBe(Date.parse('2026-06-01T09:00:00Z'));
    expect(parseInstant('2026-06-01')).toBe(Date.parse('2026-06-01'));
    expect(parseInstant('2026-02-30T10:00:00.000Z')).toBe(Date.parse('2026-02-30T10:00:00.000Z'));
    expect(parseInstant('2024-02-29T10:00:00.000Z')).toBe(Date.parse('2024-02-29T10:00:00.000Z'));
    expect(parseInstant('2026-06-01T24:00:00.000Z')).toBe(Date.parse('2026-06-01T24:00:00.000Z'));
    expect(parseInstant('not an instant at all....')).toBeNaN();
  });
});
