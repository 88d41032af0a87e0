import type { CountTable } from './count-table';
import { protectionRule } from './protection-rule';
import { publishedRate, suppressTable, withheldWhole, type PublishedCell, type PublishedTable } from './published-table';

/** The table as a reader sees it: counts, '[c]' where suppressed; each row ends with its total. */
const view = (table: PublishedTable): string[][] => {
  const show = (cell: PublishedCell) => (cell.suppressed ? '[c]' : String(cell.count));
  return [...table.cells.map((cells, row) => [...cells.map(show), show(table.rowTotals[row])]), [...table.columnTotals.map(show), show(table.total)]];
};

describe('small-number suppression of a table', () => {
  // Outcomes of deadlines due, by ethnic group: met on time, breached.
  const compliance: CountTable = { rows: ['asian', 'black', 'white'], columns: ['met', 'breached'], counts: [[20, 3], [15, 10], [30, 12]] };

  it('hides the small count, then partners on its row, its partner column and back, so each line hides two', () => {
    // Primary: 3 (< 5). Its row needs a partner: 20 (inside the table, before the row total 23).
    // 20's column then hides one cell: 15 (the smallest count of 5 or more there). 15's row: 10, which
    // also gives the breached column its second hidden cell. A reader can move the cycle 3, 20, 15, 10
    // by +d, −d, +d, −d and keep every total: d from −3 to +10, so the 3 could be anything from 0 to 13.
    expect(view(suppressTable(compliance))).toEqual([
      ['[c]', '[c]', '23'],
      ['[c]', '[c]', '25'],
      ['30', '12', '42'],
      ['65', '25', '90'],
    ]);
  });

  it('shows no rate on a suppressed count or base', () => {
    const published = suppressTable(compliance);
    expect(publishedRate(published.cells[2][0], published.rowTotals[2])).toBeCloseTo(30 / 42, 10);
    expect(publishedRate(published.cells[0][0], published.rowTotals[0])).toBeNull();
    expect(publishedRate({ count: 0, suppressed: false }, { count: 0, suppressed: false })).toBeNull();
  });

  it('publishes a zero unless zeros are to be suppressed too', () => {
    const withZero: CountTable = { rows: ['a', 'b'], columns: ['met', 'breached'], counts: [[20, 0], [30, 6]] };
    expect(view(suppressTable(withZero))).toEqual([
      ['20', '0', '20'],
      ['30', '6', '36'],
      ['50', '6', '56'],
    ]);
    // Hiding the 0: its row partner 20 (not the row total), then 20's column hides 30, and 30's row the 6;
    // the 0 could then be anything from 0 to 6, at least the threshold's width.
    expect(view(suppressTable(withZero, { includeZeros: true }))).toEqual([
      ['[c]', '[c]', '20'],
      ['[c]', '[c]', '36'],
      ['50', '6', '56'],
    ]);
  });

  it('hides a small margin, and the area total when the whole table is small', () => {
    const tiny: CountTable = { rows: ['a', 'b'], columns: ['x'], counts: [[1], [2]] };
    expect(view(suppressTable(tiny))).toEqual([['[c]', '[c]'], ['[c]', '[c]'], ['[c]', '[c]']]);
  });

  it('takes the threshold from the options', () => {
    const published = suppressTable(compliance, { threshold: 11 });
    expect(published.suppression).toEqual({ threshold: 11, includeZeros: false, protection: 11 });
    expect(published.cells[1][1].suppressed).toBe(true); // 10 < 11
    expect(published.cells[2][1].suppressed).toBe(false); // 12
  });

  it('says nothing about which cells were small: a suppressed cell is only { count: null, suppressed: true }', () => {
    const cells = suppressTable(compliance).cells.flat().filter((cell) => cell.suppressed);
    expect(new Set(cells.map((cell) => JSON.stringify(cell)))).toEqual(new Set([JSON.stringify({ count: null, suppressed: true })]));
  });

  it('withholds every count, margins included, of a table it cannot protect', () => {
    const withheld = withheldWhole(compliance, protectionRule());
    expect(view(withheld)).toEqual([
      ['[c]', '[c]', '[c]'],
      ['[c]', '[c]', '[c]'],
      ['[c]', '[c]', '[c]'],
      ['[c]', '[c]', '[c]'],
    ]);
    expect(withheld.suppression).toEqual({ threshold: 5, includeZeros: false, protection: 5 });
  });

  it('refuses a table it cannot read, naming the place', () => {
    expect(() => suppressTable({ rows: ['a'], columns: ['x', 'y'], counts: [[1]] })).toThrow("row 'a' has 1 counts for 2 columns");
    expect(() => suppressTable({ rows: ['a'], columns: ['x'], counts: [[-1]] })).toThrow("count at 'a' × 'x' must be a whole number, 0 or more, not -1");
    expect(() => suppressTable({ rows: [], columns: [], counts: [] })).toThrow('at least one row and one column');
    expect(() => suppressTable(compliance, { threshold: 0 })).toThrow('threshold must be a whole number, 1 or more');
  });
});
