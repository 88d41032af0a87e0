import normalCdf = require('@stdlib/stats-base-dists-normal-cdf');
import normalQuantile = require('@stdlib/stats-base-dists-normal-quantile');

/** The two-sided critical value of the standard normal for a confidence level (1.959964 for 0.95). */
export function criticalValue(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, not ${confidence}`);
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/** The two-sided p-value of a standard normal statistic. */
export const twoSidedNormalP = (z: number): number => 2 * normalCdf(-Math.abs(z), 0, 1);
