import type { Report, ReportRow } from '../reports/report';
import type { CountTable } from './count-table';
import { SuppressionImpossible } from './complementary-suppression';
import { protectionRule, type ProtectionOptions, type ProtectionRule } from './protection-rule';
import { suppressTable, withheldWhole, type PublishedTable, type SuppressionOptions } from './published-table';

type ReportCell = ReportRow['cells'][string];

/** A report's cell once published: counts and value withheld (null) where `suppressed`. */
export type SuppressedReportCell = ReportCell & { suppressed?: true };

export type SuppressedReport<R extends Report> = Omit<R, 'rows' | 'total'> & {
  rows: Array<Omit<R['rows'][number], 'cells'> & { cells: Record<string, SuppressedReportCell> }>;
  total: (Omit<NonNullable<R['total']>, 'cells'> & { cells: Record<string, SuppressedReportCell> }) | null;
  suppression: ProtectionRule;
};

/** A report already published, as far as its total row goes. */
export interface PublishedTotal {
  total: { cells: Record<string, SuppressedReportCell> } | null;
}

export interface ReportSuppressionOptions extends ProtectionOptions {
  /**
   * A report published beside this one whose total row counts the same things (one measure and
   * period broken down another way): what it hides of that row is hidden here too, and what it
   * publishes is known here, so that neither gives the other's hidden cells away. Ignored where the
   * totals differ.
   */
  sharesTotalWith?: PublishedTotal;
}

type Elsewhere = NonNullable<SuppressionOptions['elsewhere']>;

/**
 * Any measure's report with small numbers suppressed, for the public and for a board that asks:
 * - rate columns sharing each row's denominator (met on time, met late, breached of those due) are
 *   one table whose columns split the denominator, so no part can be had from the others and the
 *   total; with the report's total row as the margins;
 * - each count column is a table of one column, with the total row's count as its margin;
 * - a median or percentile is withheld where the count of cases it describes is.
 * A cell withheld has null counts and value and `suppressed: true`; no rate rests on a hidden count.
 * A table that cannot be protected is withheld whole. The public reports and the board pack both
 * publish through this.
 */
export function suppressReport<R extends Report>(report: R, options: ReportSuppressionOptions = {}): SuppressedReport<R> {
  const rule = protectionRule(options);
  const linked = options.sharesTotalWith?.total ?? null;
  const lines = [...report.rows, ...(report.total ? [report.total] : [])];
  const hidden = lines.map(() => new Map<string, { numerator: boolean; denominator: boolean }>());
  const mark = (line: number, column: string, part: 'numerator' | 'denominator') => {
    const marks = hidden[line].get(column) ?? { numerator: false, denominator: false };
    marks[part] = true;
    hidden[line].set(column, marks);
  };

  for (const group of rateColumnGroups(report, lines)) {
    const published = suppressRows(report, lines, group, rule, linked);
    published.forEach((table, index) => {
      lines.forEach((_, line) => {
        const isTotal = report.total !== null && line === lines.length - 1;
        const parts = isTotal ? table.columnTotals : table.cells[line];
        const base = isTotal ? table.total : table.rowTotals[line];
        const columns = published.length === 1 ? group : [group[index]];
        columns.forEach((column, i) => {
          if (parts[i].suppressed) mark(line, column, 'numerator');
          if (base.suppressed) mark(line, column, 'denominator');
        });
      });
    });
  }
  for (const column of report.columns.filter((candidate) => candidate.statistic === 'count')) {
    const [table] = suppressRows(report, lines, [column.id], rule, linked, true);
    lines.forEach((_, line) => {
      const isTotal = report.total !== null && line === lines.length - 1;
      if ((isTotal ? table.columnTotals[0] : table.cells[line][0]).suppressed) mark(line, column.id, 'numerator');
    });
  }
  const countColumn = report.columns.find((candidate) => candidate.statistic === 'count')?.id;
  for (const column of report.columns.filter((candidate) => candidate.statistic === 'median' || candidate.statistic === 'p90')) {
    lines.forEach((_, line) => {
      if (countColumn && hidden[line].get(countColumn)?.numerator) mark(line, column.id, 'denominator');
    });
  }

  const withheld = (row: ReportRow, line: number) => ({
    ...row,
    cells: Object.fromEntries(
      Object.entries(row.cells).map(([id, cell]): [string, SuppressedReportCell] => {
        const marks = hidden[line].get(id);
        if (!marks) return [id, cell];
        return [id, { numerator: marks.numerator ? null : cell.numerator, denominator: marks.denominator ? null : cell.denominator, value: null, suppressed: true }];
      }),
    ),
  });
  return {
    ...report,
    rows: report.rows.map(withheld),
    total: report.total ? withheld(report.total, lines.length - 1) : null,
    suppression: rule,
  } as SuppressedReport<R>;
}

/** Rate columns grouped by the denominators they share, row by row and in the total. */
function rateColumnGroups(report: Report, lines: readonly ReportRow[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const column of report.columns.filter((candidate) => candidate.statistic === 'rate')) {
    const key = lines.map((line) => line.cells[column.id]?.denominator ?? 0).join(',');
    groups.set(key, [...(groups.get(key) ?? []), column.id]);
  }
  return [...groups.values()];
}

/**
 * The report's rows (without the total, which is the margin) as one table over `columns` and what
 * they leave of the denominator; columns whose numerators overlap (adding up to more than the
 * denominator somewhere) become a table each, every later one hiding the denominators an earlier
 * one hid and taking those it published as known.
 */
function suppressRows(report: Report, lines: readonly ReportRow[], columns: readonly string[], rule: ProtectionRule, linked: PublishedTotal['total'], counts = false): PublishedTable[] {
  const rows = report.total ? lines.slice(0, -1) : lines;
  const numerator = (row: ReportRow, column: string) => row.cells[column]?.numerator ?? 0;
  const denominator = (row: ReportRow) => (counts ? numerator(row, columns[0]) : (row.cells[columns[0]]?.denominator ?? 0));
  const tableOf = (parts: readonly string[]): CountTable => ({
    rows: rows.map((_, i) => String(i)),
    columns: [...parts, 'rest'],
    counts: rows.map((row) => [...parts.map((part) => numerator(row, part)), denominator(row) - parts.reduce((sum, part) => sum + numerator(row, part), 0)]),
  });
  if (rows.length === 0) return [emptyPublication(columns.length, rule)];
  // Without a total row the report publishes no column totals (a timeliness count per interval adds up to nothing).
  const unpublishedMargins: Elsewhere | undefined = report.total ? undefined : { hidden: ({ row }) => row === rows.length };
  const margins = (parts: readonly string[]) => unpublishedMargins ?? linkedMargins(report.total!, linked, parts, rows.length, counts);
  const whole = tableOf(columns);
  if (whole.counts.every((counts) => counts.every((count) => count >= 0))) return [withheldIfImpossible(whole, { ...rule, elsewhere: margins(columns) })];
  const published: PublishedTable[] = [];
  for (const column of columns) {
    const earlier = published[published.length - 1];
    const baseColumn = 2; // the row totals of a one-part table: part, rest, total
    const own = margins([column]);
    published.push(
      withheldIfImpossible(tableOf([column]), {
        ...rule,
        elsewhere: !earlier ? own : {
          hidden: (cell) => (own?.hidden?.(cell) ?? false) || (cell.column === baseColumn && (cell.row < rows.length ? earlier.rowTotals[cell.row].suppressed : earlier.total.suppressed)),
          published: (cell) => (own?.published?.(cell) ?? false) || (cell.column === baseColumn && !(cell.row < rows.length ? earlier.rowTotals[cell.row].suppressed : earlier.total.suppressed)),
        },
      }),
    );
  }
  return published;
}

function withheldIfImpossible(table: CountTable, options: SuppressionOptions): PublishedTable {
  try {
    return suppressTable(table, options);
  } catch (error) {
    if (error instanceof SuppressionImpossible) return withheldWhole(table, protectionRule(options));
    throw error;
  }
}

/**
 * The margin row (the report's total) of the table over `parts`, their rest and their base, as the
 * linked report published it: hidden there, hidden here; published there, known here. Nothing is
 * linked where the two totals differ, since they then count different things.
 */
function linkedMargins(total: ReportRow, linked: PublishedTotal['total'], parts: readonly string[], marginRow: number, counts: boolean): Elsewhere | undefined {
  if (!linked) return undefined;
  const numerators = parts.map((part) => [total.cells[part]?.numerator ?? 0, linked.cells[part]?.numerator] as const);
  const base = counts ? numerators[0] : ([total.cells[parts[0]]?.denominator ?? 0, linked.cells[parts[0]]?.denominator] as const);
  if ([...numerators, base].some(([own, there]) => there === undefined || (there !== null && there !== own))) return undefined;
  const knownThere = [...numerators.map(([, there]) => there !== null), [...numerators, base].every(([, there]) => there !== null), base[1] !== null];
  return {
    hidden: ({ row, column }) => row === marginRow && column !== parts.length && !knownThere[column],
    published: ({ row, column }) => row === marginRow && knownThere[column],
  };
}

const shown = { count: 0, suppressed: false };
const emptyPublication = (parts: number, rule: ProtectionRule): PublishedTable => ({
  rows: [],
  columns: [],
  cells: [],
  rowTotals: [],
  columnTotals: Array.from({ length: parts + 1 }, () => shown),
  total: shown,
  suppression: rule,
});
