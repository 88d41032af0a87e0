import { criticalValue } from './normal-distribution';
import { assertCounts, type Interval } from './wilson-interval';

export interface RateRatio {
  /** (a / n₁) ÷ (c / n₂); null when the reference rate is 0 or either group has no trials. */
  ratio: number | null;
  /** The log-method (Katz) interval; null when either numerator is 0, where ln(ratio) is undefined. */
  interval: Interval | null;
}

/**
 * The ratio of a group's rate a/n₁ to the reference group's c/n₂, with its confidence interval by the
 * log method (Katz et al. 1978): ln(RR) ± z·√(1/a − 1/n₁ + 1/c − 1/n₂), exponentiated.
 */
export function rateRatio(a: number, n1: number, c: number, n2: number, confidence = 0.95): RateRatio {
  assertCounts(a, n1);
  assertCounts(c, n2);
  if (n1 === 0 || n2 === 0 || c === 0) return { ratio: null, interval: null };
  const ratio = a / n1 / (c / n2);
  if (a === 0) return { ratio, interval: null };
  const z = criticalValue(confidence);
  const standardError = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return { ratio, interval: { lower: ratio * Math.exp(-z * standardError), upper: ratio * Math.exp(z * standardError) } };
}
