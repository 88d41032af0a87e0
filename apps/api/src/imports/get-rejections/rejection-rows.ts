import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { RejectedLine } from '../import-run';

export const REJECTION_COLUMNS = ['line', 'status', 'title', 'field', 'reason', 'rule', 'record'] as const;
type RejectionRow = Record<(typeof REJECTION_COLUMNS)[number], string | number>;

/** One CSV row per field at fault (a line can have several), each naming the line; the record as sent, to fix and send again. */
export function rowsOf({ line, problem, text }: RejectedLine): RejectionRow[] {
  const base = { line, status: problem.status, title: problem.title, rule: typeof problem.rule === 'string' ? problem.rule : '', record: text };
  const errors = Array.isArray(problem.errors) ? (problem.errors as Array<{ field: string; messages: string[] }>) : [];
  if (errors.length === 0) return [{ ...base, field: typeof problem.field === 'string' ? problem.field : '', reason: problem.detail }];
  return errors.map((error) => ({ ...base, field: error.field, reason: error.messages.join('; ') }));
}

/** The rejections file (NDJSON, one rejected line each) as CSV rows, read a line at a time. */
export async function* rejectionRows(lines: Readable): AsyncGenerator<RejectionRow> {
  for await (const line of createInterface({ input: lines, crlfDelay: Infinity })) {
    if (line.trim() !== '') yield* rowsOf(JSON.parse(line) as RejectedLine);
  }
}
