import { compareProportions } from './proportion-test';

describe('the test of two proportions', () => {
  it('uses the pooled z-test when every expected count is 5 or more: 30 of 100 against 15 of 100', () => {
    // pooled p = 45/200 = 0.225; SE = √(0.225 × 0.775 × (1/100 + 1/100)) = √0.0034875 = 0.0590550
    // z = (0.30 − 0.15) / 0.0590550 = 2.5400; Φ(2.54) = 0.99446 (normal table) → p = 2 × 0.00554 = 0.0111
    // The same as Pearson's χ² = 2 × 7.5²/22.5 + 2 × 7.5²/77.5 = 6.4516 = z², on 1 degree of freedom.
    const result = compareProportions(30, 100, 15, 100)!;
    expect(result.test).toBe('two-proportion-z');
    expect(result.pValue).toBeCloseTo(0.01109, 4);
  });

  it("uses Fisher's exact test for small expected counts, matching Fisher's tea-tasting example", () => {
    // 3 of 4 against 1 of 4: expected counts are 2. P(x) = C(4,x)·C(4,4−x)/C(8,4) = 1, 16, 36, 16, 1 (/70);
    // tables no more likely than P(3) = 16/70 are x = 0, 1, 3, 4: p = 34/70 = 0.485714 (Fisher 1935).
    const result = compareProportions(3, 4, 1, 4)!;
    expect(result.test).toBe('fisher-exact');
    expect(result.pValue).toBeCloseTo(34 / 70, 10);
  });

  it("finds 0 of 10 against 5 of 10 significant by Fisher's exact test", () => {
    // P(0) = P(5) = C(10,5)/C(20,5) = 252/15504; every other table is more likely: p = 504/15504 = 0.0325077
    const result = compareProportions(0, 10, 5, 10)!;
    expect(result.test).toBe('fisher-exact');
    expect(result.pValue).toBeCloseTo(504 / 15504, 10);
  });

  it('finds no difference when neither group has a success', () => {
    const result = compareProportions(0, 10, 0, 10)!;
    expect(result.test).toBe('fisher-exact');
    expect(result.pValue).toBeCloseTo(1, 10);
  });

  it('cannot test a group without cases', () => {
    expect(compareProportions(0, 0, 3, 10)).toBeNull();
  });
});
