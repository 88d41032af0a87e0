import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** GOV.UK blue on white: 5.2:1, above the 3:1 that non-text contrast needs (WCAG 2.2, 1.4.11). */
export const CHART_COLOUR = '#1d70b8';
/** GOV.UK text colour: what a second series is drawn in, told apart by its marker and dashes too. */
export const CHART_TEXT_COLOUR = '#0b0c0c';

/**
 * Draws an ECharts option as an SVG string on the server (ECharts' SSR renderer: no DOM, no
 * browser), labelled for screen readers with `description`, since ECharts' own ARIA option needs a
 * browser's DOM.
 */
export function svgChart(option: EChartsOption, size: { width: number; height: number }, description: string): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    instance.setOption({ animation: false, textStyle: { fontFamily: 'Arial, sans-serif', color: CHART_TEXT_COLOUR, fontSize: 12 }, ...option });
    return instance.renderToSVGString().replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(description)}" `);
  } finally {
    instance.dispose();
  }
}

const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
