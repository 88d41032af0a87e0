import type { PeriodId } from '../board-pack';
import { PACK_CONTENTS, reportKey } from '../pack-contents';
import { packReportsNeeded } from '../board-pack-of';
import type { PackReport, PackReportRow } from '../pack-report';

/**
 * Reports for a month's pack, built by hand: each breakdown's rows give the numerators of the
 * measure's partition columns and then what they leave over; a pack test works its figures out
 * from these counts.
 */
export type HandCounts = Record<string, number[]>;

export interface HandBuiltPeriod {
  /** measure → breakdown or characteristic → row label → counts */
  counts: Record<string, Record<string, HandCounts>>;
  /** timeliness: interval → [cases, median, p90] */
  timeliness?: Record<string, [number, number, number]>;
}

const TITLES: Record<string, string> = {
  'code-compliance': "Victims' Code compliance",
  'victim-contact': 'Victim Contact Scheme: referral and first contact on time',
  timeliness: 'Handoff timeliness',
  'file-quality': 'File quality',
  'trial-effectiveness': 'Trial effectiveness',
  attrition: 'Attrition: cases closed because the victim withdrew support',
};

export function handBuiltPackReports(month: string, periods: Record<PeriodId, HandBuiltPeriod>): Map<string, PackReport> {
  const reports = new Map<string, PackReport>();
  for (const request of packReportsNeeded(month)) {
    const content = PACK_CONTENTS.find((candidate) => candidate.measure === request.measure)!;
    const period = periods[request.period];
    const basis = { kind: 'frozen', asOf: `${request.month}-28T00:00:00.000Z`, snapshotMonth: request.month };
    const measure = {
      id: content.measure,
      title: TITLES[content.measure],
      definitions: 'shared-measures',
      version: '2026.1',
      unit: content.distribution ? 'days' : 'proportion',
      numerator: `${TITLES[content.measure]} numerator`,
      denominator: content.measure === 'code-compliance' ? 'Obligations due: met on time, met late or breached' : 'Cases counted',
      counting: content.measure === 'code-compliance' ? 'obligations' : 'cases',
      headline: content.distribution ? content.distribution.median : content.partition![0],
    };
    if (content.distribution) {
      const { count, median, p90 } = content.distribution;
      const rows = Object.entries(period.timeliness ?? {}).map(([interval, [cases, middle, high]]) => ({
        group: { interval },
        cells: { [count]: cell(cases, null, cases), [median]: cell(null, cases, middle), [p90]: cell(null, cases, high) },
      }));
      const columns = [count, median, p90].map((id) => ({ id, title: id, statistic: id === count ? 'count' : 'median', unit: 'days' }));
      reports.set(reportKey(request), { measure, basis, columns, rows, total: null });
      continue;
    }
    const partition = content.partition!;
    const byLabel = period.counts[content.measure]?.[request.groupBy[0]] ?? {};
    const rowOf = (group: Record<string, string>, counts: number[]): PackReportRow => {
      const denominator = counts.reduce((sum, count) => sum + count, 0);
      return { group, cells: Object.fromEntries(partition.map((id, i) => [id, cell(counts[i], denominator, denominator === 0 ? null : counts[i] / denominator)])) };
    };
    const rows = Object.entries(byLabel).map(([label, counts]) => rowOf({ [request.groupBy[0]]: label }, counts));
    const totals = partition.map((_, i) => Object.values(byLabel).reduce((sum, counts) => sum + counts[i], 0));
    const rest = Object.values(byLabel).reduce((sum, counts) => sum + counts[partition.length], 0);
    const columns = partition.map((id) => ({ id, title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), statistic: 'rate', unit: 'proportion' }));
    reports.set(reportKey(request), { measure, basis, columns, rows, total: rowOf({}, [...totals, rest]) });
  }
  return reports;
}

const cell = (numerator: number | null, denominator: number | null, value: number | null) => ({ numerator, denominator, value });
