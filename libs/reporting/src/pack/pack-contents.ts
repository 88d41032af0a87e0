import type { PeriodId } from './board-pack';

/**
 * What a monthly pack holds, measure by measure (data, like the measures themselves): the breakdown
 * table and the columns that split its denominator (the rest shown as one more column), the column
 * charted, and the victim characteristics to test for disproportionality.
 */
export interface PackContent {
  measure: string;
  breakdown: string;
  /** Rate columns whose numerators split each row's denominator (with `rest` for what they leave over). */
  partition?: string[];
  rest?: string;
  /** A distribution measure (timeliness): counts, medians and 90th percentiles instead. */
  distribution?: { count: string; median: string; p90: string };
  chart?: string;
  disproportionality?: string[];
}

export const PACK_CHARACTERISTICS = ['ageBand', 'sex', 'ethnicity'] as const;

export const PACK_CONTENTS: readonly PackContent[] = [
  { measure: 'code-compliance', breakdown: 'entitlement', partition: ['met-on-time', 'met-late', 'breached'], chart: 'met-on-time', disproportionality: [...PACK_CHARACTERISTICS] },
  { measure: 'victim-contact', breakdown: 'entitlement', partition: ['on-time', 'late', 'not-made'], chart: 'on-time' },
  { measure: 'timeliness', breakdown: 'interval', distribution: { count: 'cases', median: 'median-days', p90: 'p90-days' } },
  { measure: 'file-quality', breakdown: 'fileKind', partition: ['returned'], rest: 'Accepted', chart: 'returned' },
  { measure: 'trial-effectiveness', breakdown: 'courtTier', partition: ['effective', 'cracked', 'ineffective'], chart: 'effective' },
  { measure: 'attrition', breakdown: 'offence', partition: ['victim-withdrew'], rest: 'Concluded otherwise', chart: 'victim-withdrew', disproportionality: [...PACK_CHARACTERISTICS] },
];

/** One report a pack needs: a measure broken down one way, in one of the pack's months. */
export interface PackReportRequest {
  measure: string;
  groupBy: string[];
  period: PeriodId;
  month: string;
}

export const reportKey = (request: Pick<PackReportRequest, 'measure' | 'groupBy' | 'period'>): string =>
  `${request.measure}|${request.groupBy.join(',')}|${request.period}`;
