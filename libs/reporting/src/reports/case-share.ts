import type { FactCells } from '../facts/fact-counters';
import type { MeasureColumn, MeasureDefinition, MeasureDefinitions } from '../measures/measure-definitions';
import { caseReporter, ReportRequestError, type ReportRequest } from './compute-report';
import type { ReportBasis, ReportCell } from './report';

/** Which count of a column a drill-down follows: what is counted on top, or the base it is counted of. */
export const FIGURE_PARTS = ['numerator', 'denominator'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];

/** The figure a drill-down follows: a column of the measure and one of its counts. */
export interface Figure {
  column: MeasureColumn;
  part: FigurePart;
}

/**
 * The figure asked for: the measure's headline unless a column is named, and by default the count a
 * reader sees as the base ("3 of 5" → the 5): a rate's denominator, a count's own number, and the
 * cases a median or percentile was measured over. ReportRequestError names a column or part the measure has not.
 */
export function figureOf(measure: MeasureDefinition, columnId: string | undefined, part: FigurePart | undefined): Figure {
  const column = measure.columns.find((candidate) => candidate.id === (columnId ?? measure.headline));
  if (!column) throw new ReportRequestError('column', `${measure.id} has the columns ${measure.columns.map((candidate) => candidate.id).join(', ')}`);
  const counted: FigurePart = column.statistic === 'count' ? 'numerator' : column.statistic === 'rate' ? (part ?? 'denominator') : 'denominator';
  if (part && part !== counted) throw new ReportRequestError('part', `${column.id} is a ${column.statistic}: only its ${counted} counts cases`);
  return { column, part: counted };
}

/** What one case adds to a figure, and the case's own row of the report. */
export interface CaseShare {
  count: number;
  cells: Record<string, ReportCell>;
}

/**
 * What each case adds to a figure of a report: the report computed, as any report is, over that
 * case's counts alone (the reporting projection keeps them per case). The shares of the cases behind
 * a figure add up to the figure. Made once per figure asked, then given each case's cells.
 */
export function caseSharesOf(definitions: MeasureDefinitions, measure: MeasureDefinition, request: ReportRequest, basis: ReportBasis, figure: Figure): (cells: FactCells) => CaseShare {
  const reportOf = caseReporter(definitions, measure, request, basis);
  return (cells) => {
    const report = reportOf(cells);
    const rows = report.total ? [report.total] : report.rows;
    const count = rows.reduce((sum, row) => sum + (row.cells[figure.column.id]?.[figure.part] ?? 0), 0);
    return { count, cells: rows.length === 1 ? rows[0].cells : {} };
  };
}

/** What one case adds to a figure (see caseSharesOf). */
export function caseShareOf(definitions: MeasureDefinitions, measure: MeasureDefinition, cells: FactCells, request: ReportRequest, basis: ReportBasis, figure: Figure): CaseShare {
  return caseSharesOf(definitions, measure, request, basis, figure)(cells);
}
