import { CHART_COLOUR, CHART_TEXT_COLOUR as TEXT_COLOUR, svgChart } from './svg-chart';

export const BAR_COLOUR = CHART_COLOUR;

export interface BarChart {
  title: string;
  /** One bar per label; a null value draws no bar, and its label says why. */
  bars: Array<{ label: string; value: number | null; text: string }>;
  /** Values are proportions (drawn 0–100 %) or plain numbers (days). */
  unit: 'percent' | 'number';
}

/**
 * A horizontal bar chart as an SVG string, drawn on the server by Apache ECharts' SSR renderer (no
 * DOM, no browser). One colour only, and every bar carries its figure as text, so no meaning rests on
 * colour; the chart is labelled for screen readers and always printed beside its table.
 */
export function barChartSvg(chart: BarChart): string {
  const height = 60 + chart.bars.length * 28;
  const description = `${chart.title}: ${chart.bars.map((bar) => `${bar.label} ${bar.text}`).join('; ')}.`;
  return svgChart(
    {
      grid: { left: 8, right: 72, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', max: chart.unit === 'percent' ? 100 : undefined, axisLabel: { color: TEXT_COLOUR, formatter: chart.unit === 'percent' ? '{value}%' : '{value}' } },
      yAxis: { type: 'category', inverse: true, data: chart.bars.map((bar) => bar.label), axisLabel: { color: TEXT_COLOUR } },
      series: [
        {
          type: 'bar',
          itemStyle: { color: BAR_COLOUR },
          barMaxWidth: 18,
          data: chart.bars.map((bar) => ({
            value: bar.value === null ? 0 : chart.unit === 'percent' ? Math.round(bar.value * 1000) / 10 : bar.value,
            label: { show: true, position: 'right', color: TEXT_COLOUR, formatter: bar.text },
          })),
        },
      ],
    },
    { width: 640, height },
    description,
  );
}
