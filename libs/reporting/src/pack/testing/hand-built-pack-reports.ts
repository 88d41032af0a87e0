import type { PeriodId } from '../board-pack';
import { PACK_CONTENTS, reportKey, type PackReportRequest } from '../pack-contents';
import { packReportsNeeded } from '../board-pack-of';
import type { Report, ReportRow } from '../../reports/report';

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

export function handBuiltPackReports(month: string, periods: Record<PeriodId, HandBuiltPeriod>): Map<string, Report> {
  const reports = new Map<string, Report>();
  for (const request of packReportsNeeded(month)) {
    const content = PACK_CONTENTS.find((candidate) => candidate.measure === request.measure)!;
    const period = periods[request.period];
    const basis = { kind: 'frozen' as const, asOf: `${request.month}-28T00:00:00.000Z`, snapshotMonth: request.month };
    const measure = {
      id: content.measure,
      title: TITLES[content.measure],
      description: `${TITLES[content.measure]}, built by hand`,
      definitions: 'shared-measures',
      definitionsVersion: '2026.1',
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
      const columns = [count, median, p90].map((id) => ({ id, title: id, statistic: id === count ? ('count' as const) : ('median' as const), unit: 'days' }));
      reports.set(reportKey(request), { measure, basis, ...about(request), columns, rows, total: null });
      continue;
    }
    const partition = content.partition!;
    const byLabel = period.counts[content.measure]?.[request.groupBy[0]] ?? {};
    const rowOf = (group: Record<string, string>, counts: number[]): ReportRow => {
      const denominator = counts.reduce((sum, count) => sum + count, 0);
      return { group, cells: Object.fromEntries(partition.map((id, i) => [id, cell(counts[i], denominator, denominator === 0 ? null : counts[i] / denominator)])) };
    };
    const rows = Object.entries(byLabel).map(([label, counts]) => rowOf({ [request.groupBy[0]]: label }, counts));
    const totals = partition.map((_, i) => Object.values(byLabel).reduce((sum, counts) => sum + counts[i], 0));
    const rest = Object.values(byLabel).reduce((sum, counts) => sum + counts[partition.length], 0);
    const columns = partition.map((id) => ({ id, title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), statistic: 'rate' as const, unit: 'proportion' }));
    reports.set(reportKey(request), { measure, basis, ...about(request), columns, rows, total: rowOf({}, [...totals, rest]) });
  }
  return reports;
}

const about = (request: PackReportRequest) => ({ areas: null, months: [request.month], groupBy: request.groupBy, filters: {}, disproportionality: null });

const cell = (numerator: number | null, denominator: number | null, value: number | null) => ({ numerator, denominator, value });
