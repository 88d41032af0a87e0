import hypergeometricPmf = require('@stdlib/stats-base-dists-hypergeometric-pmf');
import { twoSidedNormalP } from './normal-distribution';
import { assertCounts } from './wilson-interval';

export type ProportionTest = 'two-proportion-z' | 'fisher-exact';

export interface ProportionTestResult {
  test: ProportionTest;
  pValue: number;
}

/** Below this expected count in any cell of the 2×2 table the normal approximation is not trusted (Cochran 1954). */
export const MINIMUM_EXPECTED_COUNT = 5;

/**
 * Whether a/n₁ and c/n₂ differ, two-sided: the pooled two-proportion z-test (the same as Pearson's
 * chi-square on the 2×2 table, without continuity correction), or Fisher's exact test when any
 * expected count is below 5. Null when either group has no trials.
 */
export function compareProportions(a: number, n1: number, c: number, n2: number): ProportionTestResult | null {
  assertCounts(a, n1);
  assertCounts(c, n2);
  if (n1 === 0 || n2 === 0) return null;
  const n = n1 + n2;
  const successes = a + c;
  const smallestExpected = (Math.min(n1, n2) * Math.min(successes, n - successes)) / n;
  if (smallestExpected < MINIMUM_EXPECTED_COUNT) return { test: 'fisher-exact', pValue: fisherExactP(a, n1, c, n2) };
  const pooled = successes / n;
  const z = (a / n1 - c / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { test: 'two-proportion-z', pValue: twoSidedNormalP(z) };
}

/**
 * Fisher's exact test, two-sided: with the margins fixed, `a` is hypergeometric; the p-value adds the
 * probabilities of every table no more likely than the one observed (with a relative tolerance, as R's
 * fisher.test does, so ties are not lost to rounding).
 */
function fisherExactP(a: number, n1: number, c: number, n2: number): number {
  const population = n1 + n2;
  const successes = a + c;
  const probability = (x: number) => hypergeometricPmf(x, population, successes, n1);
  const observed = probability(a) * (1 + 1e-7);
  let p = 0;
  for (let x = Math.max(0, n1 - (population - successes)); x <= Math.min(n1, successes); x++) {
    const px = probability(x);
    if (px <= observed) p += px;
  }
  return Math.min(1, p);
}
