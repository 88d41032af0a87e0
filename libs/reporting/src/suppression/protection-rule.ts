/** When a cell is too small to publish, and how wide the doubt about a hidden one must stay. */
export interface ProtectionRule {
  /** Counts below this are hidden (primary suppression). Default 5. */
  threshold: number;
  /** Whether a count of 0 is hidden too. Default false: a published 0 is often news in itself (no breaches). */
  includeZeros: boolean;
  /**
   * The least width of the range a reader can narrow a primary-hidden cell to from the published
   * cells (max − min). Default: the threshold, so a hidden 2 can never be told apart from a count
   * that would have been published. Every other hidden cell must merely not be worked out exactly.
   */
  protection: number;
}

export type ProtectionOptions = Partial<ProtectionRule>;

export const DEFAULT_THRESHOLD = 5;

/** The rule with its defaults, refusing values that make no sense. */
export function protectionRule(options: ProtectionOptions = {}): ProtectionRule {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const protection = options.protection ?? threshold;
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`the suppression threshold must be a whole number, 1 or more, not ${threshold}`);
  if (!Number.isInteger(protection) || protection < 1) throw new RangeError(`the protection width must be a whole number, 1 or more, not ${protection}`);
  return { threshold, includeZeros: options.includeZeros ?? false, protection };
}

/** Whether a count is hidden on its own (primary suppression). */
export const isSmall = (count: number, rule: ProtectionRule): boolean => count < rule.threshold && (count > 0 || rule.includeZeros);
