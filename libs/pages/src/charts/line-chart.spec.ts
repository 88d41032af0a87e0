import { lineChartSvg } from './line-chart';
import { swimlaneChartSvg } from './swimlane-chart';

describe('a trend line drawn on the server', () => {
  const svg = lineChartSvg({
    title: 'Met on time',
    categories: ['Jan 2026', 'Feb 2026'],
    series: [
      { name: 'Standard', values: [0.9, null] },
      { name: 'Enhanced', values: [0.75, 0.8] },
    ],
    unit: 'percent',
  });

  it('tells its two series apart by more than colour: a dashed line for the second, and a legend naming both', () => {
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('>Standard<');
    expect(svg).toContain('>Enhanced<');
  });

  it('describes every figure for screen readers, a missing month as not shown rather than 0', () => {
    expect(svg).toMatch(/aria-label="Met on time: Standard: Jan 2026 90%, Feb 2026 not shown; Enhanced: Jan 2026 75%, Feb 2026 80%\."/);
  });
});

describe("a case's swimlanes drawn on the server", () => {
  it('draws a lane per agency, a bar for each stint in GOV.UK blue, and numbers the handoffs as the table does', () => {
    const svg = swimlaneChartSvg({
      title: 'Journey',
      lanes: ['Police', 'CPS'],
      spans: [
        { lane: 'Police', from: '2026-01-01T00:00:00Z', until: '2026-01-10T00:00:00Z' },
        { lane: 'CPS', from: '2026-01-10T00:00:00Z', until: '2026-01-20T00:00:00Z' },
      ],
      marks: [
        { lane: 'Police', at: '2026-01-01T00:00:00Z', label: 'Crime reported' },
        { lane: 'CPS', at: '2026-01-10T00:00:00Z', label: 'File submitted to CPS' },
      ],
    });
    for (const text of ['>Police<', '>CPS<', '>1<', '>2<']) expect(svg).toContain(text);
    expect(svg).toContain('fill="#1d70b8"');
    expect(svg).toMatch(/aria-label="Journey: 1\. Crime reported, Police, 2026-01-01; 2\. File submitted to CPS, CPS, 2026-01-10\."/);
  });
});
