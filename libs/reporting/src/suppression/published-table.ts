import { assertCountTable, marginedGrid, type CountTable, type GridCell } from './count-table';
import { auditedComplementarySuppression, type ComplementaryStrategy } from './complementary-suppression';
import { isSmall, protectionRule, type ProtectionOptions, type ProtectionRule } from './protection-rule';

/**
 * A count as published: the count, or null when it is suppressed. Whether a cell was hidden for being
 * small or to protect another is deliberately not said: telling them apart would say which are small.
 */
export interface PublishedCell {
  count: number | null;
  suppressed: boolean;
}

export interface PublishedTable {
  rows: string[];
  columns: string[];
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  /** The area total. */
  total: PublishedCell;
  /** The rule applied. */
  suppression: ProtectionRule;
}

export interface SuppressionOptions extends ProtectionOptions {
  /**
   * What other published tables decide for this one, by cell of the margined grid (row `rows.length`
   * is the column totals, column `columns.length` the row totals): cells they hide, hidden here too,
   * and cells they publish, never hidden here and taken as known. Tables that share margins (one
   * measure broken down two ways) thus cannot give each other's hidden cells away.
   */
  elsewhere?: { hidden?: (cell: GridCell) => boolean; published?: (cell: GridCell) => boolean };
  /** The secondary step; the audited one unless a test injects another. */
  complementary?: ComplementaryStrategy;
}

/** The table with small counts hidden (primary) and enough others hidden that none can be worked out (secondary). */
export function suppressTable(table: CountTable, options: SuppressionOptions = {}): PublishedTable {
  assertCountTable(table);
  const rule = protectionRule(options);
  const grid = marginedGrid(table);
  const hiddenElsewhere = options.elsewhere?.hidden ?? (() => false);
  const publishedElsewhere = options.elsewhere?.published ?? (() => false);
  const primary = grid.map((counts, row) => counts.map((count, column) => isSmall(count, rule) || hiddenElsewhere({ row, column })));
  const known = grid.map((counts, row) => counts.map((_, column) => !primary[row][column] && publishedElsewhere({ row, column })));
  const secondary = (options.complementary ?? auditedComplementarySuppression)(grid, primary, rule, known);
  return published(table, grid, (row, column) => primary[row][column] || secondary[row][column], rule);
}

/** The table withheld whole: what is published when it cannot be protected. */
export function withheldWhole(table: CountTable, rule: ProtectionRule): PublishedTable {
  assertCountTable(table);
  return published(table, marginedGrid(table), () => true, rule);
}

/**
 * A share of a published base (a rate, a percentage): null when the base is suppressed or 0, and when
 * the part is, since the share and its base would give the part away.
 */
export function publishedRate(part: PublishedCell, base: PublishedCell): number | null {
  if (part.count === null || base.count === null || base.count === 0) return null;
  return part.count / base.count;
}

function published(table: CountTable, grid: number[][], isHidden: (row: number, column: number) => boolean, rule: ProtectionRule): PublishedTable {
  const cell = (row: number, column: number): PublishedCell =>
    isHidden(row, column) ? { count: null, suppressed: true } : { count: grid[row][column], suppressed: false };
  const height = table.rows.length;
  const width = table.columns.length;
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: table.rows.map((_, row) => table.columns.map((_, column) => cell(row, column))),
    rowTotals: table.rows.map((_, row) => cell(row, width)),
    columnTotals: table.columns.map((_, column) => cell(height, column)),
    total: cell(height, width),
    suppression: rule,
  };
}
