import { barChartSvg, lineChartSvg } from '@case-journey/pages';

/** GET /compliance: Victims' Code compliance counts for an area and period, grouped as asked. */
export interface ComplianceAnswer {
  area: string | null;
  months: string[];
  groupBy: string[];
  rows: Array<{ group: Record<string, string | number>; due: number; metOnTime: number; metLate: number; breached: number; open: number; notApplicable: number; rate: number | null }>;
}

export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? 'No deadlines yet' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);
const monthName = (ym: string) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
const RIGHTS = ['standard', 'enhanced'] as const;

/** The column set every figures table shares: met on time of those due, and the counts behind it. */
const figures = (row: ComplianceAnswer['rows'][number] | undefined) => ({
  rate: percent(row?.rate ?? null),
  metOnTime: row?.metOnTime ?? 0,
  due: row?.due ?? 0,
  metLate: row?.metLate ?? 0,
  breached: row?.breached ?? 0,
  open: row?.open ?? 0,
});

export function complianceReportViewModel(period: string, periods: Array<{ value: string; text: string }>, area: string, areas: string[], answers: { trend: ComplianceAnswer; matrix: ComplianceAnswer; byArea: ComplianceAnswer }) {
  const { trend, matrix, byArea } = answers;
  const trendRows = trend.months.map((month) => {
    const of = (rights: string) => trend.rows.find((row) => row.group.month === month && row.group.rights === rights);
    return { month: monthName(month), standard: figures(of('standard')), enhanced: figures(of('enhanced')), values: RIGHTS.map((rights) => of(rights)?.rate ?? null) };
  });
  const agencies = [...new Set(matrix.rows.map((row) => String(row.group.agency)))].sort();
  const rights = [...new Set(matrix.rows.map((row) => Number(row.group.right)))].sort((a, b) => a - b);
  const cell = (right: number, agency: string) => matrix.rows.find((row) => Number(row.group.right) === right && row.group.agency === agency);
  const query = (changes: Record<string, string>) => new URLSearchParams({ period, ...(area && { area }), ...changes }).toString();
  return {
    pageTitle: "Victims' Code compliance",
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
        return found ? { ...figures(found), text: `${percent(found.rate)} (${found.metOnTime} of ${found.due})` } : { text: 'None owed' };
      }),
    })),
    areaChart: barChartSvg({
      title: 'Victims’ Code deadlines met on time, by area',
      unit: 'percent',
      bars: byArea.rows.map((row) => ({ label: String(row.group.area), value: row.rate, text: percent(row.rate) })),
    }),
    areaRows: byArea.rows.map((row) => ({ area: String(row.group.area), ...figures(row) })),
    csv: {
      trend: `/reports/compliance.csv?${query({ groupBy: 'month,rights' })}`,
      matrix: `/reports/compliance.csv?${query({ groupBy: 'right,agency' })}`,
      full: `/reports/compliance.csv?${query({ groupBy: 'right,agency,month,rights' })}`,
      byArea: `/reports/compliance.csv?${query({ groupBy: 'area' })}`,
    },
  };
}
