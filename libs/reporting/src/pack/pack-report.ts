/**
 * The parts of a measure's report (the reporting library's `Report`) that a pack reads: a pack takes
 * any report's rows and total row, each cell with its numerator and denominator.
 */
export interface PackReport {
  measure: { id: string; title: string; definitions: string; version: string; unit: string; numerator: string; denominator: string; counting: string; headline: string };
  basis: { kind: string; asOf: string; snapshotMonth?: string };
  columns: Array<{ id: string; title: string; statistic: string; unit: string }>;
  rows: PackReportRow[];
  total: PackReportRow | null;
}

export interface PackReportRow {
  group: Record<string, string>;
  cells: Record<string, { numerator: number | null; denominator: number | null; value: number | null }>;
}
