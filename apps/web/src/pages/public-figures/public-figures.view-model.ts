import { barChartSvg } from '@case-journey/pages';
import { ruleLabel } from '../obligation-labels';

/** GET /public/reports/:measure: a measure's report, always suppressed (issue 11's report shape). */
export interface PublicReportAnswer {
  measure: { id: string; title: string; description: string; headline?: string };
  months: string[];
  groupBy: string[];
  columns: Array<{ id: string; title: string; statistic: string; unit: string }>;
  rows: Array<{ group: Record<string, string>; cells: Record<string, PublishedCell> }>;
  total: { cells: Record<string, PublishedCell> } | null;
}

interface PublishedCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed?: true;
}

/** What a published cell shows: `[c]` where the figure is withheld, as the ONS and the board pack write it. */
export function cellText(cell: PublishedCell | undefined, statistic: string): { text: string; suppressed: boolean } {
  if (!cell) return { text: '', suppressed: false };
  if (cell.suppressed) return { text: '[c]', suppressed: true };
  if (cell.value === null) return { text: '–', suppressed: false };
  if (statistic === 'rate') return { text: `${(Math.round(cell.value * 1000) / 10).toFixed(1)}%`, suppressed: false };
  return { text: String(Math.round(cell.value * 10) / 10), suppressed: false };
}

const groupLabel = (group: Record<string, string>) => Object.entries(group).map(([dimension, value]) => (dimension === 'entitlement' ? ruleLabel(value) : value)).join(', ');

export function publicFiguresViewModel(report: PublicReportAnswer, periodItems: Array<{ value: string; text: string; selected: boolean }>) {
  const rateColumn = report.columns.find((column) => column.statistic === 'rate');
  return {
    pageTitle: 'Published Victims’ Code figures',
    title: report.measure.title,
    description: report.measure.description,
    periodItems,
    columns: report.columns,
    rows: report.rows.map((row) => ({ label: groupLabel(row.group), cells: report.columns.map((column) => cellText(row.cells[column.id], column.statistic)) })),
    total: report.total ? report.columns.map((column) => cellText(report.total!.cells[column.id], column.statistic)) : undefined,
    chart: rateColumn
      ? barChartSvg({
          title: `${rateColumn.title}, by entitlement`,
          unit: 'percent',
          bars: report.rows.map((row) => {
            const cell = row.cells[rateColumn.id];
            // The chart's labels are cut short to leave the bars room; the table beside it names each in full.
            const label = groupLabel(row.group);
            return { label: label.length > 36 ? `${label.slice(0, 35)}…` : label, value: cell?.suppressed ? null : (cell?.value ?? null), text: cellText(cell, 'rate').text };
          }),
        })
      : undefined,
  };
}
