import { publishedRate, publishInFull, suppressTable, SuppressionImpossible, type CountTable, type PublishedCell, type PublishedTable, type SuppressionOptions } from '../suppression';
import type { Report } from '../reports/report';

/** How a pack publishes its tables: suppressed or in full, with the rule. */
export interface Publication {
  suppress: boolean;
  options: SuppressionOptions;
}

/**
 * A report's rows as a count table whose columns split each row's denominator: the numerators of
 * `columns`, then what they leave over. Every column must share the row's denominator, so that the
 * counts add up along rows and columns and suppression can protect them as one table.
 */
export function partitionTable(report: Report, breakdown: string, columns: readonly string[]): CountTable {
  const rows = report.rows.filter((row) => (row.cells[columns[0]]?.denominator ?? 0) > 0);
  return {
    rows: rows.map((row) => row.group[breakdown] ?? ''),
    columns: [...columns, 'rest'],
    counts: rows.map((row) => {
      const denominator = row.cells[columns[0]].denominator!;
      const parts = columns.map((id) => {
        const cell = row.cells[id];
        if (!cell || cell.denominator !== denominator || cell.numerator === null) {
          throw new RangeError(`column '${id}' of ${report.measure.id} does not share the denominator of '${columns[0]}' in row ${JSON.stringify(row.group)}`);
        }
        return cell.numerator;
      });
      const rest = denominator - parts.reduce((sum, part) => sum + part, 0);
      if (rest < 0) throw new RangeError(`the numerators of ${columns.join(', ')} in ${report.measure.id} overlap: they add up to more than their denominator`);
      return [...parts, rest];
    }),
  };
}

/** The table published as the pack's rule says; a table that cannot be protected is withheld whole (null). */
export function publish(table: CountTable, publication: Publication, elsewhere?: SuppressionOptions['elsewhere']): PublishedTable | null {
  if (!publication.suppress) return publishInFull(table);
  try {
    return suppressTable(table, { ...publication.options, elsewhere });
  } catch (error) {
    if (error instanceof SuppressionImpossible) return null;
    throw error;
  }
}

export { publishedRate, type PublishedCell, type PublishedTable };
