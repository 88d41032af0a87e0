import { criticalValue } from './normal-distribution';

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * The Wilson score interval of a proportion `successes / trials` (Wilson 1927; Newcombe 1998, method 3):
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
 * It stays inside [0, 1] and keeps its coverage for small counts and rates near 0 or 1, where the
 * textbook p ± z√(p(1−p)/n) does not. Null when there are no trials.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval | null {
  assertCounts(successes, trials);
  if (trials === 0) return null;
  const z = criticalValue(confidence);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  // Rounding can leave 1e-17 outside [0, 1] at p = 0 or 1.
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}

export function assertCounts(successes: number, trials: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < successes) {
    throw new RangeError(`a rate needs whole counts with 0 ≤ numerator ≤ denominator, not ${successes} / ${trials}`);
  }
}
