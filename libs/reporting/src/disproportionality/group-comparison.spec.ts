import { compareGroups, type GroupCount } from './group-comparison';

const ethnicity: GroupCount[] = [
  { group: 'white', numerator: 80, denominator: 100 },
  { group: 'black', numerator: 30, denominator: 50 },
  { group: 'asian', numerator: 9, denominator: 10 },
  { group: 'not-stated', numerator: 150, denominator: 200 },
];

describe('comparing groups with a reference group', () => {
  it('takes the stated group with most cases as the reference by default, never "not stated"', () => {
    const result = compareGroups(ethnicity);
    expect(result.reference).toBe('white');
    const white = result.groups.find((group) => group.group === 'white')!;
    expect(white).toMatchObject({ isReference: true, rateRatio: null, significant: false, pValue: null });
    expect(white.rate).toBeCloseTo(0.8, 10);
  });

  it('flags a rate significantly below the reference: 30 of 50 against 80 of 100', () => {
    // RR = 0.75, interval 0.5861 … 0.9598 (log method, worked in rate-ratio.spec.ts);
    // pooled p = 110/150; SE = √(0.733333 × 0.266667 × (1/50 + 1/100)) = 0.0765942;
    // z = −0.2 / 0.0765942 = −2.6112 → p = 0.0090 < 0.05
    const black = compareGroups(ethnicity).groups.find((group) => group.group === 'black')!;
    expect(black.rateRatio).toBeCloseTo(0.75, 10);
    expect(black.rateRatioInterval!.upper).toBeCloseTo(0.9597728, 6);
    expect(black.test).toBe('two-proportion-z');
    expect(black.pValue).toBeCloseTo(0.009023, 5);
    expect(black.significant).toBe(true);
  });

  it("tests a small group with Fisher's exact test and does not flag 9 of 10 against 80 of 100", () => {
    // The smallest expected count is 10 × 21/110 = 1.9. Summing C(89,x)·C(21,10−x)/C(110,10) over the
    // tables no more likely than x = 9 gives p = 0.68375.
    const asian = compareGroups(ethnicity).groups.find((group) => group.group === 'asian')!;
    expect(asian.rateRatio).toBeCloseTo(1.125, 10);
    expect(asian.test).toBe('fisher-exact');
    expect(asian.pValue).toBeCloseTo(0.68375, 4);
    expect(asian.significant).toBe(false);
  });

  it('compares with a chosen reference group, and names the groups when the choice is not one of them', () => {
    const result = compareGroups(ethnicity, { reference: 'black' });
    expect(result.groups.find((group) => group.group === 'white')!.rateRatio).toBeCloseTo(0.8 / 0.6, 10);
    expect(() => compareGroups(ethnicity, { reference: 'mixed' })).toThrow(/'mixed' is not one of white, black, asian, not-stated/);
  });

  it('uses the confidence level for the intervals and the significance level', () => {
    // At 99 % the black group's p = 0.0090 is still below 0.01; its ratio's interval widens:
    // e^(2.575829 × 0.1258306) = e^0.3241173 = 1.3828 → upper 0.75 × 1.3828 = 1.0371, now above 1.
    const black = compareGroups(ethnicity, { confidence: 0.99 }).groups.find((group) => group.group === 'black')!;
    expect(black.rateRatioInterval!.upper).toBeCloseTo(1.0371, 3);
    expect(black.significant).toBe(true);
  });

  it('has no reference when no stated group has cases', () => {
    const result = compareGroups([{ group: 'not-stated', numerator: 1, denominator: 2 }, { group: 'mixed', numerator: 0, denominator: 0 }]);
    expect(result.reference).toBeNull();
    expect(result.groups.map((group) => group.rate)).toEqual([0.5, null]);
    expect(result.groups.every((group) => group.rateRatio === null && !group.significant)).toBe(true);
  });
});
