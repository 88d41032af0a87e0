import { rateRatio } from './rate-ratio';

describe('the rate ratio and its log-method interval', () => {
  it('matches a figure worked by hand: 30 of 100 against 15 of 100', () => {
    // RR = 0.30 / 0.15 = 2; SE(ln RR) = √(1/30 − 1/100 + 1/15 − 1/100) = √0.08 = 0.2828427
    // z·SE = 1.959964 × 0.2828427 = 0.5543614; e^0.5543614 = 1.7408294
    // interval = 2 ÷ 1.7408294 … 2 × 1.7408294 = 1.1488778 … 3.4816588
    const { ratio, interval } = rateRatio(30, 100, 15, 100);
    expect(ratio).toBeCloseTo(2, 10);
    expect(interval!.lower).toBeCloseTo(1.1488778, 6);
    expect(interval!.upper).toBeCloseTo(3.4816588, 6);
  });

  it('gives a ratio below 1 for a lower rate: 30 of 50 against 80 of 100', () => {
    // RR = 0.6 / 0.8 = 0.75; SE = √(1/30 − 1/50 + 1/80 − 1/100) = √0.0158333 = 0.1258306
    // e^(1.959964 × 0.1258306) = e^0.2466234 = 1.2796860 → 0.75 ÷ 1.279686 … 0.75 × 1.279686
    const { ratio, interval } = rateRatio(30, 50, 80, 100);
    expect(ratio).toBeCloseTo(0.75, 10);
    expect(interval!.lower).toBeCloseTo(0.5860762, 6);
    expect(interval!.upper).toBeCloseTo(0.9597728, 6);
  });

  it('gives a ratio of 0 without an interval when the group has no successes', () => {
    expect(rateRatio(0, 10, 5, 10)).toEqual({ ratio: 0, interval: null });
  });

  it('gives no ratio when the reference rate is 0 or a group is empty', () => {
    expect(rateRatio(3, 10, 0, 10)).toEqual({ ratio: null, interval: null });
    expect(rateRatio(0, 0, 3, 10)).toEqual({ ratio: null, interval: null });
  });
});
