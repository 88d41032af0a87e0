import { barChartSvg, lineChartSvg } from '@case-journey/pages';
import type { Report, ReportRow } from '@case-journey/reporting';

/** The shared measure the page shows: the same report, figures and CSV the board's tabled pack reads. */
export const MEASURE = 'code-compliance';

export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? 'No deadlines yet' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);
const monthName = (ym: string) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
const RIGHTS = ['standard', 'enhanced'] as const;

/** The column set every figures table shares, read off the measure's columns: met on time of those due, and the counts behind it. */
const figures = (row: ReportRow | undefined) => ({
  rate: percent(row?.cells['met-on-time']?.value ?? null),
  metOnTime: row?.cells['met-on-time']?.numerator ?? 0,
  due: row?.cells['met-on-time']?.denominator ?? 0,
  metLate: row?.cells['met-late']?.numerator ?? 0,
  breached: row?.cells.breached?.numerator ?? 0,
  open: row?.cells['not-yet-due']?.value ?? 0,
});

/** Where a figure leads: the cases behind it, for those allowed to see cases; nowhere for a board. */
export type CasesLink = (where: { period: string; area?: string; filter?: string[] }) => string | undefined;

export function complianceReportViewModel(
  period: string,
  periods: Array<{ value: string; text: string }>,
  area: string,
  areas: string[],
  answers: { trend: Report; matrix: Report; byArea: Report },
  casesLink: CasesLink,
) {
  const { trend, matrix, byArea } = answers;
  const trendRows = trend.months.map((month) => {
    const of = (rights: string) => trend.rows.find((row) => row.group.month === month && row.group.rights === rights);
    const link = (rights: string) => casesLink({ period: month, area: area || undefined, filter: [`rights:${rights}`] });
    return { month: monthName(month), standard: { ...figures(of('standard')), casesHref: link('standard') }, enhanced: { ...figures(of('enhanced')), casesHref: link('enhanced') }, values: RIGHTS.map((rights) => of(rights)?.cells['met-on-time']?.value ?? null) };
  });
  const agencies = [...new Set(matrix.rows.map((row) => row.group.agency))].sort();
  const rights = [...new Set(matrix.rows.map((row) => Number(row.group.right)))].sort((a, b) => a - b);
  const cell = (right: number, agency: string) => matrix.rows.find((row) => Number(row.group.right) === right && row.group.agency === agency);
  const query = (changes: Record<string, string>) => new URLSearchParams({ period, ...(area && { area }), ...changes }).toString();
  return {
    pageTitle: "Victims' Code compliance",
    measure: trend.measure,
    followsToCases: casesLink({ period }) !== undefined,
    period,
    periodText: periods.find((choice) => choice.value === period)?.text ?? period,
    periodItems: periods.map((choice) => ({ ...choice, selected: choice.value === period })),
    areaItems: [{ value: '', text: 'All your areas' }, ...areas.map((name) => ({ value: name, text: name, selected: name === area }))],
    trendChart: lineChartSvg({
      title: 'Victims’ Code deadlines met on time, by month, standard and enhanced rights',
      categories: trend.months.map(monthName),
      series: [
        { name: 'Standard', values: trendRows.map((row) => row.values[0]) },
        { name: 'Enhanced', values: trendRows.map((row) => row.values[1]) },
      ],
      unit: 'percent',
    }),
    trendRows,
    agencies,
    matrixRows: rights.map((right) => ({
      right: `Right ${right}`,
      cells: agencies.map((agency) => {
        const found = cell(right, agency);
        if (!found || !found.cells['met-on-time']?.denominator) return { text: 'None owed' };
        const shown = figures(found);
        return { ...shown, text: `${shown.rate} (${shown.metOnTime} of ${shown.due})`, casesHref: casesLink({ period, area: area || undefined, filter: [`right:${right}`, `agency:${agency}`] }) };
      }),
    })),
    areaChart: barChartSvg({
      title: 'Victims’ Code deadlines met on time, by area',
      unit: 'percent',
      bars: byArea.rows.map((row) => ({ label: row.group.area, value: row.cells['met-on-time']?.value ?? null, text: percent(row.cells['met-on-time']?.value) })),
    }),
    areaRows: byArea.rows.map((row) => ({ area: row.group.area, ...figures(row), casesHref: casesLink({ period, area: row.group.area }) })),
    csv: {
      trend: `/reports/compliance.csv?${query({ groupBy: 'month,rights' })}`,
      matrix: `/reports/compliance.csv?${query({ groupBy: 'right,agency' })}`,
      full: `/reports/compliance.csv?${query({ groupBy: 'right,agency,month,rights' })}`,
      byArea: `/reports/compliance.csv?${query({ groupBy: 'area' })}`,
    },
  };
}
