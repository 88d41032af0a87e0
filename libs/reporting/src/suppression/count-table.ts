/**
 * A two-way table of counts, say ethnic group × outcome for one area and month. Its margins (row
 * totals, column totals and the area total) are published with it, so they are cells too: in the
 * margined grid, row `rows.length` holds the column totals and column `columns.length` the row
 * totals, and every line of the grid (each row, each column) is parts adding up to its last cell.
 */
export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  /** counts[row][column]: whole numbers, 0 or more. */
  counts: readonly (readonly number[])[];
}

export interface GridCell {
  row: number;
  column: number;
}

/** One row or column of the margined grid: its parts add up to its total. */
export interface GridLine {
  parts: GridCell[];
  total: GridCell;
}

/** A boolean per cell of the margined grid. */
export type CellMarks = boolean[][];

/** Refuses a table whose shape or counts are wrong, naming the place. */
export function assertCountTable(table: CountTable): void {
  if (table.rows.length === 0 || table.columns.length === 0) throw new RangeError('a count table needs at least one row and one column');
  if (table.counts.length !== table.rows.length) throw new RangeError(`a count table has ${table.rows.length} rows but ${table.counts.length} rows of counts`);
  table.counts.forEach((counts, row) => {
    if (counts.length !== table.columns.length) throw new RangeError(`row '${table.rows[row]}' has ${counts.length} counts for ${table.columns.length} columns`);
    counts.forEach((count, column) => {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`count at '${table.rows[row]}' × '${table.columns[column]}' must be a whole number, 0 or more, not ${count}`);
    });
  });
}

/** The counts with their margins: (rows + 1) × (columns + 1). */
export function marginedGrid(table: CountTable): number[][] {
  const grid = table.counts.map((counts) => [...counts, counts.reduce((sum, count) => sum + count, 0)]);
  grid.push(grid[0].map((_, column) => grid.reduce((sum, counts) => sum + counts[column], 0)));
  return grid;
}

/** Every row and column of a margined grid of the given size, as parts and total. */
export function gridLines(height: number, width: number): GridLine[] {
  const lines: GridLine[] = [];
  for (let row = 0; row < height; row++) {
    lines.push({ parts: range(width - 1).map((column) => ({ row, column })), total: { row, column: width - 1 } });
  }
  for (let column = 0; column < width; column++) {
    lines.push({ parts: range(height - 1).map((row) => ({ row, column })), total: { row: height - 1, column } });
  }
  return lines;
}

/** The two lines through a cell: its row and its column. */
export function linesThrough(lines: readonly GridLine[], cell: GridCell, height: number): [GridLine, GridLine] {
  return [lines[cell.row], lines[height + cell.column]];
}

export const cellsOf = (line: GridLine): GridCell[] => [...line.parts, line.total];

export const marks = (grid: readonly (readonly unknown[])[], initial = false): CellMarks => grid.map((row) => row.map(() => initial));

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
