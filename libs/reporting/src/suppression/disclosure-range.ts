import solver, { type Model } from 'javascript-lp-solver';
import { cellsOf, type CellMarks, type GridCell, type GridLine } from './count-table';

/**
 * Whether the range of values a reader could give a hidden cell is at least `width` wide: the least
 * and greatest values it takes in any table of non-negative counts that agrees with every published
 * cell, found by linear programming (the hidden cells are the unknowns, each line of parts adding up
 * to a total one equation). The constraint matrix of a two-way table with margins is totally
 * unimodular, so these bounds are whole numbers reached by whole-number tables: the real relaxation
 * loses nothing. The true count lies in the range, so when the greatest value clears it by `width`
 * the least need not be solved.
 */
export function rangeIsAtLeast(grid: readonly (readonly number[])[], hidden: CellMarks, lines: readonly GridLine[], cell: GridCell, width: number): boolean {
  const max = optimum(rangeModel(grid, hidden, lines, cell), 'max');
  if (max - grid[cell.row][cell.column] >= width) return true;
  return max - optimum(rangeModel(grid, hidden, lines, cell), 'min') >= width;
}

const variableOf = ({ row, column }: GridCell) => `x${row}_${column}`;
const OBJECTIVE = 'objective';

function rangeModel(grid: readonly (readonly number[])[], hidden: CellMarks, lines: readonly GridLine[], target: GridCell): Model {
  const variables: Model['variables'] = {};
  const constraints: Model['constraints'] = {};
  lines.forEach((line, index) => {
    const hiddenCells = cellsOf(line).filter(({ row, column }) => hidden[row][column]);
    if (hiddenCells.length === 0) return;
    // Σ parts − total = 0, with the published cells moved to the right-hand side.
    let published = 0;
    for (const cell of cellsOf(line)) {
      const sign = cell === line.total ? -1 : 1;
      if (hidden[cell.row][cell.column]) (variables[variableOf(cell)] ??= {})[`line${index}`] = sign;
      else published += sign * grid[cell.row][cell.column];
    }
    constraints[`line${index}`] = { equal: -published };
  });
  (variables[variableOf(target)] ??= {})[OBJECTIVE] = 1;
  return { optimize: OBJECTIVE, constraints, variables };
}

/** Bounds below 1e-6 of a whole number are that number: the solver works in floating point. */
function optimum(model: Model, direction: 'min' | 'max'): number {
  const solution = solver.Solve({ ...model, opType: direction }) as { feasible: boolean; bounded?: boolean; result: number };
  if (!solution.feasible) throw new Error('the published cells are inconsistent: no table agrees with them');
  if (solution.bounded === false) return direction === 'max' ? Infinity : -Infinity;
  const rounded = Math.round(solution.result);
  return Math.abs(solution.result - rounded) < 1e-6 ? rounded : solution.result;
}
