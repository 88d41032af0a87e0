import type { GroupComparison } from '../disproportionality';
import type { MeasureStatistic } from '../measures/measure-definitions';

/**
 * A measure's report, as the API sends it (JSON, CSV), a pack reads it and a page shows it: one row
 * per group asked for, each cell with its numerator and denominator so every rate shows its counts.
 */
export interface Report {
  measure: ReportMeasure;
  /** How the figures are known: live from the read model, as known at a past instant, or a frozen month-end snapshot. */
  basis: ReportBasis;
  /** The areas counted (null: every area). */
  areas: string[] | null;
  /** The London months `YYYY-MM` counted. */
  months: string[];
  groupBy: string[];
  /** Dimension → value the facts were restricted to. */
  filters: Record<string, string>;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** All rows together; null where groups do not add up (timeliness intervals). */
  total: ReportRow | null;
  /** Where the rows are grouped by a victim characteristic: the headline rate compared across its groups. */
  disproportionality: { characteristic: string; column: string; confidence: number } | null;
}

export interface ReportMeasure {
  id: string;
  title: string;
  description: string;
  /** The definitions set and its version, and this measure's own version. */
  definitions: string;
  definitionsVersion: string;
  version: string;
  unit: string;
  numerator: string;
  denominator: string;
  counting: string;
  headline: string;
}

export interface ReportBasis {
  kind: 'live' | 'as-of' | 'frozen';
  /** Events recorded up to this instant, obligations judged at it. */
  asOf: string;
  /** A frozen snapshot's month. */
  snapshotMonth?: string;
}

export interface ReportColumn {
  id: string;
  title: string;
  statistic: MeasureStatistic;
  unit: string;
}

export interface ReportCell {
  /** rate: the count on top; count: the count; median, p90: null. */
  numerator: number | null;
  /** rate: the base; median, p90: the cases measured; count: null. */
  denominator: number | null;
  /** The rate, count, median or percentile; null where there is no base. */
  value: number | null;
}

export interface ReportRow {
  group: Record<string, string>;
  cells: Record<string, ReportCell>;
  /** The headline rate against the reference group (see `disproportionality`); absent when not compared. */
  comparison?: RowComparison | null;
}

export type RowComparison = Pick<GroupComparison, 'rate' | 'interval' | 'isReference' | 'rateRatio' | 'rateRatioInterval' | 'test' | 'pValue' | 'significant'> & {
  reference: string | null;
};

/**
 * The report with only some of its columns (in the order given): what a page publishes of it, so
 * that suppression protects exactly the figures shown, and hides no more than they need.
 */
export function reportColumns<R extends Report>(report: R, ids: readonly string[]): R {
  const keep = (row: ReportRow): ReportRow => ({ ...row, cells: Object.fromEntries(ids.filter((id) => id in row.cells).map((id) => [id, row.cells[id]])) });
  return {
    ...report,
    columns: ids.map((id) => {
      const column = report.columns.find((candidate) => candidate.id === id);
      if (!column) throw new RangeError(`${report.measure.id} has no column '${id}'`);
      return column;
    }),
    rows: report.rows.map(keep),
    total: report.total ? keep(report.total) : null,
  };
}
