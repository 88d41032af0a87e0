import { BAR_COLOUR, barChartSvg } from './bar-chart';

/** WCAG 2.2 relative luminance and contrast ratio, worked from the definition. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);

describe('a bar chart drawn on the server', () => {
  const svg = barChartSvg({
    title: 'Met on time (%) by ethnic group',
    unit: 'percent',
    bars: [
      { label: 'white', value: 0.778, text: '77.8%' },
      { label: 'black', value: null, text: '[c]' },
    ],
  });

  it('is an SVG with every bar labelled with its figure, a suppressed one with [c]', () => {
    expect(svg.startsWith('<svg ')).toBe(true);
    for (const text of ['white', 'black', '77.8%', '[c]']) expect(svg).toContain(`>${text}<`);
  });

  it('describes itself for screen readers', () => {
    expect(svg).toMatch(/^<svg role="img" aria-label="Met on time \(%\) by ethnic group: white 77.8%; black \[c\]\." /);
  });

  it('fills bars with one colour whose contrast with white is at least 3:1', () => {
    // #1d70b8: luminance 0.1531; (1 + 0.05) / (0.1531 + 0.05) = 5.17
    expect(contrast(BAR_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(3);
    const fills = new Set([...svg.matchAll(/<path[^>]*fill="(#[0-9a-fA-F]{3,6}|rgb[^"]*)"/g)].map((match) => match[1].toLowerCase()));
    expect([...fills].filter((fill) => fill !== '#ffffff' && fill !== 'none')).toEqual([BAR_COLOUR]);
  });
});
