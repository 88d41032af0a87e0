import { cellsOf, gridLines, linesThrough, type CellMarks, type GridCell, type GridLine } from './count-table';
import { rangeIsAtLeast } from './disclosure-range';
import type { ProtectionRule } from './protection-rule';

/**
 * Secondary (complementary) suppression: given the margined grid and the cells hidden for being
 * small, the cells to hide so that none of them can be worked out from what is published.
 * A strategy so that a test can inject a faulty one and watch the disclosure property fail.
 */
export type ComplementaryStrategy = (grid: readonly (readonly number[])[], primary: CellMarks, rule: ProtectionRule, known: CellMarks) => CellMarks;

/** No cell can be hidden any more, and one is still exposed: the table cannot be published safely. */
export class SuppressionImpossible extends Error {}

/**
 * Two steps, repeated until nothing is exposed:
 * 1. no row or column (margins included) may hide exactly one cell, or it is its total less the rest:
 *    hide a partner on that line (the line rule, the usual heuristic);
 * 2. the line rule is not enough (a hidden cell bridging two groups of hidden cells is still fixed,
 *    and small partners bound a hidden cell too tightly), so an audit solves, for every hidden cell,
 *    the least and greatest value a reader could give it, and hides another partner beside each
 *    cell exposed: a primary cell whose range is narrower than the protection width, or any other
 *    hidden cell that the published cells fix exactly.
 * Each round hides at least one more cell, so it ends (at worst with every cell hidden). Cells `known`
 * from elsewhere (margins another table publishes) are never hidden, and count as published.
 */
export const auditedComplementarySuppression: ComplementaryStrategy = (grid, primary, rule, known) => {
  const height = grid.length;
  const lines = gridLines(height, grid[0].length);
  const hidden = primary.map((row) => [...row]);
  for (;;) {
    hideLonePartners(grid, hidden, known, lines, rule);
    const exposed = exposedCells(grid, hidden, primary, lines, rule);
    if (exposed.length === 0) return hidden;
    let hiddenMore = false;
    for (const cell of exposed) {
      const partner = bestPartner(grid, hidden, known, lines, height, linesThrough(lines, cell, height).flatMap(cellsOf), rule);
      if (partner) hiddenMore = hide(hidden, partner);
    }
    if (!hiddenMore) {
      // Both lines of every exposed cell are hidden whole: what binds it is published further away.
      const beside = lines.filter((line) => cellsOf(line).some(({ row, column }) => hidden[row][column])).flatMap(cellsOf);
      const partner = bestPartner(grid, hidden, known, lines, height, beside, rule);
      if (!partner) throw new SuppressionImpossible('every cell that may be hidden is, and a hidden cell can still be worked out from the cells known');
      hide(hidden, partner);
    }
  }
};

/** The line rule: hide a partner on every line with exactly one hidden cell, until none has. */
function hideLonePartners(grid: readonly (readonly number[])[], hidden: CellMarks, known: CellMarks, lines: readonly GridLine[], rule: ProtectionRule): void {
  const height = grid.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (cellsOf(line).filter(({ row, column }) => hidden[row][column]).length !== 1) continue;
      const partner = bestPartner(grid, hidden, known, lines, height, cellsOf(line), rule);
      if (partner) changed = hide(hidden, partner) || changed;
    }
  }
}

/** Hidden cells a reader could pin down: see `auditedComplementarySuppression`. */
export function exposedCells(grid: readonly (readonly number[])[], hidden: CellMarks, primary: CellMarks, lines: readonly GridLine[], rule: ProtectionRule): GridCell[] {
  const exposed: GridCell[] = [];
  hidden.forEach((cells, row) =>
    cells.forEach((isHidden, column) => {
      if (!isHidden) return;
      if (!rangeIsAtLeast(grid, hidden, lines, { row, column }, primary[row][column] ? rule.protection : 1)) exposed.push({ row, column });
    }),
  );
  return exposed;
}

/**
 * The published cell to hide next among `candidates`, preferring (in order): a non-zero count (a
 * hidden 0 cannot go lower, so it protects less); one that leaves no line newly hiding a single
 * cell; one that settles more lines hiding a single cell; a cell inside the table over a
 * margin, and a margin over the area total, since boards read totals most; a count at least the
 * protection width, the smallest such (to hide as little as will do), else the largest.
 */
function bestPartner(
  grid: readonly (readonly number[])[],
  hidden: CellMarks,
  known: CellMarks,
  lines: readonly GridLine[],
  height: number,
  candidates: readonly GridCell[],
  rule: ProtectionRule,
): GridCell | undefined {
  const width = grid[0].length;
  const hiddenOn = (line: GridLine) => cellsOf(line).filter(({ row, column }) => hidden[row][column]).length;
  const score = (cell: GridCell): number[] => {
    const count = grid[cell.row][cell.column];
    const hiddenOnLines = linesThrough(lines, cell, height).map(hiddenOn);
    const opened = hiddenOnLines.filter((n) => n === 0).length;
    const settled = hiddenOnLines.filter((n) => n === 1).length;
    const margins = Number(cell.row === height - 1) + Number(cell.column === width - 1);
    const bigEnough = count >= rule.protection;
    return [count === 0 ? 1 : 0, opened, -settled, margins, bigEnough ? 0 : 1, bigEnough ? count : -count, cell.row, cell.column];
  };
  let best: { cell: GridCell; score: number[] } | undefined;
  for (const cell of candidates) {
    if (hidden[cell.row][cell.column] || known[cell.row][cell.column]) continue;
    const candidate = { cell, score: score(cell) };
    if (!best || isBefore(candidate.score, best.score)) best = candidate;
  }
  return best?.cell;
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

function hide(hidden: CellMarks, { row, column }: GridCell): boolean {
  if (hidden[row][column]) return false;
  hidden[row][column] = true;
  return true;
}
