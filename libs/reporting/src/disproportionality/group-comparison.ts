import { compareProportions, type ProportionTest } from './proportion-test';
import { rateRatio } from './rate-ratio';
import { wilsonInterval, type Interval } from './wilson-interval';

/** A group's count of cases that meet the measure (numerator) among those it counts (denominator). */
export interface GroupCount {
  group: string;
  numerator: number;
  denominator: number;
}

/** Groups that say nothing about a characteristic: shown and tested, but never the reference by default. */
export const UNSTATED_GROUPS: readonly string[] = ['not-stated', 'not-recorded', 'unknown'];

export interface ComparisonOptions {
  /** The group every other group is compared with; by default the stated group with the most cases. */
  reference?: string;
  /** 0.95 unless given; the significance level is 1 − confidence. */
  confidence?: number;
}

export interface GroupComparison extends GroupCount {
  /** numerator / denominator; null without a denominator. */
  rate: number | null;
  /** The Wilson score interval of the rate. */
  interval: Interval | null;
  isReference: boolean;
  /** The rate over the reference group's rate, with its log-method interval. */
  rateRatio: number | null;
  rateRatioInterval: Interval | null;
  /** Which test gave `pValue`: Fisher's exact when an expected count is below 5, else the two-proportion z-test. */
  test: ProportionTest | null;
  pValue: number | null;
  /** The rate differs from the reference group's at the chosen level (p < 1 − confidence). */
  significant: boolean;
}

export interface Disproportionality {
  reference: string | null;
  confidence: number;
  groups: GroupComparison[];
}

/**
 * Each group's rate with its Wilson interval, and its rate ratio against the reference group with
 * the log-method interval and a two-sided test of the difference. No correction is made for testing
 * several groups against one reference: with k groups, expect about k × 5 % false flags by chance.
 */
export function compareGroups(groups: readonly GroupCount[], options: ComparisonOptions = {}): Disproportionality {
  const confidence = options.confidence ?? 0.95;
  const reference = referenceGroup(groups, options.reference);
  return {
    reference: reference?.group ?? null,
    confidence,
    groups: groups.map((group) => {
      const isReference = group === reference;
      const rate = group.denominator === 0 ? null : group.numerator / group.denominator;
      const base = { ...group, rate, interval: wilsonInterval(group.numerator, group.denominator, confidence), isReference };
      if (!reference || isReference) return { ...base, rateRatio: null, rateRatioInterval: null, test: null, pValue: null, significant: false };
      const ratio = rateRatio(group.numerator, group.denominator, reference.numerator, reference.denominator, confidence);
      const tested = compareProportions(group.numerator, group.denominator, reference.numerator, reference.denominator);
      return {
        ...base,
        rateRatio: ratio.ratio,
        rateRatioInterval: ratio.interval,
        test: tested?.test ?? null,
        pValue: tested?.pValue ?? null,
        significant: tested !== null && tested.pValue < 1 - confidence,
      };
    }),
  };
}

function referenceGroup(groups: readonly GroupCount[], chosen: string | undefined): GroupCount | undefined {
  if (chosen !== undefined) {
    const found = groups.find((group) => group.group === chosen);
    if (!found) throw new RangeError(`reference group '${chosen}' is not one of ${groups.map((group) => group.group).join(', ')}`);
    return found;
  }
  const stated = groups.filter((group) => !UNSTATED_GROUPS.includes(group.group) && group.denominator > 0);
  return stated.reduce<GroupCount | undefined>((largest, group) => (!largest || group.denominator > largest.denominator ? group : largest), undefined);
}
