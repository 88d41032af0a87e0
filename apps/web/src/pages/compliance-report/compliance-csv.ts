import { stringify } from 'csv-stringify/sync';
import type { ComplianceAnswer } from './compliance-report.view-model';

/** The figures behind a table or chart as CSV (RFC 4180, csv-stringify): one line per group, the counts and the rate as a proportion. */
export function complianceCsv(answer: ComplianceAnswer): string {
  const columns = [...answer.groupBy, 'due', 'metOnTime', 'metLate', 'breached', 'open', 'notApplicable', 'rate'];
  return stringify(
    answer.rows.map((row) => [...answer.groupBy.map((dimension) => row.group[dimension] ?? ''), row.due, row.metOnTime, row.metLate, row.breached, row.open, row.notApplicable, row.rate ?? '']),
    { header: true, columns, record_delimiter: '\r\n' },
  );
}
