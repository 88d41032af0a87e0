/**
 * A month's board pack as a page shows it: plain figures, already suppressed where they must be, so
 * the HTML, the PDF and the JSON of one pack cannot disagree. Every chart is drawn from a table the
 * pack also prints.
 */
export interface BoardPack {
  title: string;
  /** The area the pack is for; null for every area. */
  area: string | null;
  /** The London month `YYYY-MM` the pack reports. */
  month: string;
  /** This month, last month and the same month last year, in that order, each with the basis of its figures. */
  periods: PackPeriod[];
  /** Whether small numbers were suppressed (always for the public, a board's choice otherwise). */
  suppressed: boolean;
  /** What was suppressed and how, printed with the tables; null when nothing was. */
  suppressionNote: string | null;
  sections: PackSection[];
  /** The measure definitions the figures were computed with. */
  definitions: PackDefinition[];
}

export interface PackPeriod {
  /** `this-month` | `last-month` | `last-year` */
  id: PeriodId;
  label: string;
  month: string;
  /** live, as-of or frozen, and the instant the figures are as known at. */
  basis: { kind: string; asOf: string; snapshotMonth?: string };
}

export type PeriodId = 'this-month' | 'last-month' | 'last-year';

export interface PackSection {
  measureId: string;
  title: string;
  /** The headline figure in each period, and how this month moved against the other two; null for a distribution. */
  headline: HeadlineComparison | null;
  tables: PackTable[];
}

export interface HeadlineComparison {
  caption: string;
  unit: 'proportion' | 'days';
  figures: Array<{ period: PeriodId; label: string; value: number | null; numerator: number | null; denominator: number | null }>;
  /** This month less last month, and less the same month last year (proportions in percentage points); null where either is missing. */
  changeOnLastMonth: number | null;
  changeOnLastYear: number | null;
}

export interface PackTable {
  id: string;
  caption: string;
  columns: PackColumn[];
  rows: PackRow[];
  /** A bar chart of one column, drawn from this table's rows. */
  chart?: { column: string; title: string };
  notes: string[];
}

export interface PackColumn {
  id: string;
  title: string;
  format: 'count' | 'percent' | 'days' | 'interval' | 'ratio' | 'text';
}

export interface PackRow {
  label: string;
  /** Column id → the figure shown; null where it is suppressed or cannot be given. */
  cells: Record<string, PackFigure>;
  /** A total row, set apart. */
  isTotal?: boolean;
}

/** A figure: a number, an interval, a word; SUPPRESSED where small-number suppression hid it; null where there is none (nothing due). */
export type PackFigure = number | string | { lower: number; upper: number } | typeof SUPPRESSED | null;

export const SUPPRESSED = { suppressed: true } as const;
export const isSuppressed = (figure: PackFigure): figure is typeof SUPPRESSED => typeof figure === 'object' && figure !== null && 'suppressed' in figure;

export interface PackDefinition {
  id: string;
  title: string;
  definitions: string;
  version: string;
  numerator: string;
  denominator: string;
  counting: string;
}
