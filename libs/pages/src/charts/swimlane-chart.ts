import { CHART_COLOUR, CHART_TEXT_COLOUR, svgChart } from './svg-chart';

export interface SwimlaneChart {
  title: string;
  /** One lane per agency, top to bottom. */
  lanes: string[];
  /** Spans during which a lane held the next step: drawn as bars along its lane. */
  spans: Array<{ lane: string; from: string; until: string }>;
  /** Handoffs: a marker in its lane at the instant it happened, with a short label. */
  marks: Array<{ lane: string; at: string; label: string }>;
}

/**
 * A case's journey as swimlanes: one lane per agency, a bar for each stretch of time an agency held
 * the next step and a numbered marker for each handoff. One colour for the bars and another shape for
 * the markers, each marker numbered as in the table printed beside it, so nothing rests on colour.
 */
export function swimlaneChartSvg(chart: SwimlaneChart): string {
  const height = 70 + chart.lanes.length * 44;
  const laneOf = (lane: string) => chart.lanes.indexOf(lane);
  const description = `${chart.title}: ${chart.marks.map((mark, i) => `${i + 1}. ${mark.label}, ${mark.lane}, ${mark.at.slice(0, 10)}`).join('; ')}.`;
  return svgChart(
    {
      grid: { left: 8, right: 24, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'time', axisLabel: { color: CHART_TEXT_COLOUR, hideOverlap: true } },
      yAxis: { type: 'category', inverse: true, data: chart.lanes, axisLabel: { color: CHART_TEXT_COLOUR, fontWeight: 'bold' } },
      series: [
        {
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          data: chart.spans.map((span) => [laneOf(span.lane), Date.parse(span.from), Date.parse(span.until)]),
          renderItem: (params, api) => {
            const start = api.coord([api.value(1), api.value(0)]);
            const end = api.coord([api.value(2), api.value(0)]);
            const bandHeight = (api.size!([0, 1]) as number[])[1] * 0.3;
            return { type: 'rect', shape: { x: start[0], y: start[1] - bandHeight / 2, width: Math.max(end[0] - start[0], 2), height: bandHeight }, style: { fill: CHART_COLOUR } };
          },
        },
        {
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: CHART_TEXT_COLOUR, borderColor: '#ffffff', borderWidth: 1 },
          label: { show: true, position: 'top', color: CHART_TEXT_COLOUR, formatter: (params: { dataIndex: number }) => String(params.dataIndex + 1) },
          data: chart.marks.map((mark) => [Date.parse(mark.at), laneOf(mark.lane)]),
        },
      ],
    },
    { width: 720, height },
    description,
  );
}
