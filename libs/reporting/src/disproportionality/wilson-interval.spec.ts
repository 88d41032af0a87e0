import { wilsonInterval } from './wilson-interval';

describe('the Wilson score interval', () => {
  it('matches the published worked examples (Newcombe 1998, Table I, method 3)', () => {
    // Newcombe, "Two-sided confidence intervals for the single proportion", Stat Med 17:857-872.
    const published: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [successes, trials, lower, upper] of published) {
      const interval = wilsonInterval(successes, trials)!;
      expect(interval.lower).toBeCloseTo(lower, 4);
      expect(interval.upper).toBeCloseTo(upper, 4);
    }
  });

  it('matches a figure worked by hand: 8 of 10 met on time', () => {
    // z = 1.959964, z² = 3.841459, z²/n = 0.3841459, p = 0.8
    // centre = (0.8 + 0.1920729) / 1.3841459 = 0.7167402
    // half = 1.959964 / 1.3841459 × √(0.016 + 0.0096037) = 1.4160097 × 0.1600114 = 0.2265777
    const interval = wilsonInterval(8, 10)!;
    expect(interval.lower).toBeCloseTo(0.7167402 - 0.2265777, 5);
    expect(interval.upper).toBeCloseTo(0.7167402 + 0.2265777, 5);
  });

  it('widens for a 99 % level: 8 of 10 with z = 2.575829', () => {
    // z²/n = 0.6634897, centre = (0.8 + 0.3317449) / 1.6634897 = 0.6803438
    // half = 2.575829 / 1.6634897 × √(0.016 + 0.0165872) = 1.5484492 × 0.1805194 = 0.2795251
    const interval = wilsonInterval(8, 10, 0.99)!;
    expect(interval.lower).toBeCloseTo(0.6803438 - 0.2795251, 5);
    expect(interval.upper).toBeCloseTo(0.6803438 + 0.2795251, 5);
  });

  it('stays within [0, 1] when every trial succeeds', () => {
    // 20 of 20 mirrors 0 of 20: [1 - 0.1611, 1]
    const interval = wilsonInterval(20, 20)!;
    expect(interval.upper).toBe(1);
    expect(interval.lower).toBeCloseTo(1 - 0.1611, 4);
  });

  it('has no interval without trials, and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(/0 ≤ numerator ≤ denominator/);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 1)).toThrow(/confidence/);
  });
});
