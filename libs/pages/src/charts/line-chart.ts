import { CHART_COLOUR, CHART_TEXT_COLOUR, svgChart } from './svg-chart';

export interface LineChart {
  title: string;
  /** The x axis, in order (months). */
  categories: string[];
  /** At most two series: the first solid blue with round markers, the second dashed black with triangles. */
  series: Array<{ name: string; values: Array<number | null> }>;
  unit: 'percent' | 'number';
}

const LOOKS = [
  { color: CHART_COLOUR, symbol: 'circle', type: 'solid' },
  { color: CHART_TEXT_COLOUR, symbol: 'triangle', type: 'dashed' },
] as const;

/**
 * A trend over months, one line per series. The series differ in colour, line style and marker
 * shape, and the legend shows each one's line and marker, so none is told apart by colour alone; a missing
 * (suppressed) month is a gap, not a zero.
 */
export function lineChartSvg(chart: LineChart): string {
  const shown = (value: number | null) => (value === null ? null : chart.unit === 'percent' ? Math.round(value * 1000) / 10 : value);
  const description = `${chart.title}: ${chart.series
    .map((series) => `${series.name}: ${series.values.map((value, i) => `${chart.categories[i]} ${value === null ? 'not shown' : `${shown(value)}${chart.unit === 'percent' ? '%' : ''}`}`).join(', ')}`)
    .join('; ')}.`;
  return svgChart(
    {
      grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 32, textStyle: { color: CHART_TEXT_COLOUR }, data: chart.series.slice(0, LOOKS.length).map((series) => series.name) },
      xAxis: { type: 'category', data: chart.categories, axisLabel: { color: CHART_TEXT_COLOUR } },
      yAxis: { type: 'value', max: chart.unit === 'percent' ? 100 : undefined, axisLabel: { color: CHART_TEXT_COLOUR, formatter: chart.unit === 'percent' ? '{value}%' : '{value}' } },
      series: chart.series.slice(0, LOOKS.length).map((series, i) => ({
        type: 'line',
        name: series.name,
        connectNulls: false,
        symbol: LOOKS[i].symbol,
        symbolSize: 9,
        itemStyle: { color: LOOKS[i].color },
        lineStyle: { color: LOOKS[i].color, type: LOOKS[i].type, width: 2 },
        data: series.values.map(shown),
      })),
    },
    { width: 720, height: 300 },
    description,
  );
}
