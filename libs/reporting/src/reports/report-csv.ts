import { stringify } from 'csv-stringify/sync';
import { SUPPRESSED_SYMBOL } from '../pack/figure-format';
import type { Report, ReportCell, ReportRow } from './report';

/** A report row's cell once published: suppressed cells have no figures. */
type PublishedCell = ReportCell & { suppressed?: true };
type PublishedReport = Omit<Report, 'rows' | 'total'> & { rows: Array<Omit<ReportRow, 'cells'> & { cells: Record<string, PublishedCell> }>; total: (Omit<ReportRow, 'cells'> & { cells: Record<string, PublishedCell> }) | null };

/**
 * A report as RFC 4180 CSV (CRLF line ends, fields quoted where they must be, by csv-stringify):
 * a header row, then a row per group and the total. Every row names the measure, its version, the
 * definitions' version, the basis and the as-of instant, so a row copied out of the file still
 * says what it is. A suppressed figure is `[c]`, as in the pack.
 */
export function reportCsv(report: PublishedReport): string {
  const figures = report.columns.flatMap((column) =>
    column.statistic === 'rate' ? [`${column.id} numerator`, `${column.id} denominator`, `${column.id} rate`] : column.statistic === 'count' ? [`${column.id} count`] : [`${column.id} cases`, `${column.id} ${column.statistic}`],
  );
  const compared = report.disproportionality !== null;
  const header = ['measure', 'measure version', 'definitions', 'definitions version', 'basis', 'as of', 'areas', 'months', ...report.groupBy, ...figures, ...(compared ? ['rate ratio', 'rate ratio lower', 'rate ratio upper', 'significant'] : [])];
  const { measure, basis } = report;
  const about = [measure.id, measure.version, measure.definitions, measure.definitionsVersion, basis.kind, basis.asOf, report.areas?.join(' ') ?? 'all', `${report.months[0]}..${report.months[report.months.length - 1]}`];
  const line = (row: PublishedReport['rows'][number], total: boolean) => [
    ...about,
    ...report.groupBy.map((dimension) => (total ? 'Total' : (row.group[dimension] ?? ''))),
    ...report.columns.flatMap((column) => {
      const cell = row.cells[column.id];
      const shown = (figure: number | null) => (cell?.suppressed && figure === null ? SUPPRESSED_SYMBOL : figure === null ? '' : String(figure));
      if (column.statistic === 'rate') return [shown(cell.numerator), shown(cell.denominator), shown(cell.value)];
      if (column.statistic === 'count') return [shown(cell.value)];
      return [shown(cell.denominator), shown(cell.value)];
    }),
    ...(compared ? comparisonFields(row.comparison) : []),
  ];
  return stringify([header, ...report.rows.map((row) => line(row, false)), ...(report.total ? [line(report.total, true)] : [])], { record_delimiter: 'windows' });
}

function comparisonFields(comparison: ReportRow['comparison']): string[] {
  if (!comparison) return ['', '', '', ''];
  if (comparison.isReference) return ['reference', '', '', ''];
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return [number(comparison.rateRatio), number(comparison.rateRatioInterval?.lower), number(comparison.rateRatioInterval?.upper), comparison.significant ? 'yes' : 'no'];
}
