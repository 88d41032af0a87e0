import { formatFigure, isSuppressed, type BoardPack, type PackTable } from '@case-journey/reporting';
import { barChartSvg } from './charts/bar-chart';
import type { PageRenderer } from './page-renderer';

export interface RenderedPackContext {
  packId: string;
  builtAt: string;
  digest: string;
}

/** The pack as one self-contained HTML page (styles inlined, charts as inline SVG), ready to print. */
export function renderBoardPack(renderer: PageRenderer, pack: BoardPack, context: RenderedPackContext): string {
  const charts: Record<string, string> = {};
  for (const table of pack.sections.flatMap((section) => section.tables)) {
    const chart = chartOf(table);
    if (chart) charts[table.id] = chart;
  }
  const headlines = pack.sections.filter((section) => section.headline);
  charts.summary = barChartSvg({
    title: 'Headline figures this month',
    unit: 'percent',
    bars: headlines.map((section) => ({ label: section.title, value: numeric(section.headline!.figures[0].value), text: formatFigure(section.headline!.figures[0].value, 'percent') })),
  });
  return renderer.render('board-pack/board-pack.njk', { pack, charts, inlineStyles: renderer.govukStyles, serviceName: 'Case journey: board reports', ...context });
}

function chartOf(table: PackTable): string | undefined {
  if (!table.chart) return undefined;
  const column = table.columns.find((candidate) => candidate.id === table.chart!.column);
  const rows = table.rows.filter((row) => !row.isTotal);
  if (!column || rows.length === 0) return undefined;
  return barChartSvg({
    title: table.chart.title,
    unit: column.format === 'percent' ? 'percent' : 'number',
    bars: rows.map((row) => ({ label: row.label, value: numeric(row.cells[column.id]), text: formatFigure(row.cells[column.id], column.format) })),
  });
}

const numeric = (figure: unknown): number | null => (typeof figure === 'number' && !isSuppressed(figure as never) ? figure : null);
