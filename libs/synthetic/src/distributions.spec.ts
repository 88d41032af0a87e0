import { choiceOf, DAY_MS, drawDelay, drawShare, logNormalDraw, shareOf } from './distributions';
import { Random } from './random';

const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))];

describe('delays', () => {
  it('are drawn with the stated median and 90th percentile (within 5% on 20,000 draws)', () => {
    const random = Random.seeded(11);
    const delay = { medianDays: 14, p90Days: 28 };
    const days = Array.from({ length: 20_000 }, () => drawDelay(random, delay) / DAY_MS).sort((a, b) => a - b);
    expect(quantile(days, 0.5)).toBeGreaterThan(14 * 0.95);
    expect(quantile(days, 0.5)).toBeLessThan(14 * 1.05);
    expect(quantile(days, 0.9)).toBeGreaterThan(28 * 0.95);
    expect(quantile(days, 0.9)).toBeLessThan(28 * 1.05);
    expect(days[0]).toBeGreaterThan(0);
  });

  it('refuse a 90th percentile below the median', () => {
    expect(() => logNormalDraw({ median: 10, p90: 5 })).toThrow(RangeError);
    expect(() => logNormalDraw({ median: 0, p90: 5 })).toThrow(RangeError);
  });
});

describe('shares', () => {
  it('are drawn in proportion, normalised, with an outcome left out never drawn', () => {
    const random = Random.seeded(12);
    const shares = { effective: 0.48, cracked: 0.29, ineffective: 0.23, vacated: 0 };
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const outcome = drawShare(random, shares);
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
    expect(counts.effective / 20_000).toBeCloseTo(0.48, 1);
    expect(counts.cracked / 20_000).toBeCloseTo(0.29, 1);
    expect(counts.vacated).toBeUndefined();
    expect(shareOf<'a' | 'b'>({ a: 1, b: 3 }, 'b')).toBe(0.75);
  });

  it('refuse negative or all-zero shares', () => {
    expect(() => choiceOf({ a: -1, b: 2 })).toThrow(RangeError);
    expect(() => choiceOf({ a: 0 })).toThrow(RangeError);
  });
});
