import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { columnsOf, recordOf, RowFault, type Mapping } from './mappings/mapping';
import { fileText, ImportFileError, lineFault, textLines, type SourceLine, type SourceOptions } from './source-lines';

/** The extract's header: the columns of its first line. */
async function headerOf(path: string, options: SourceOptions): Promise<string[]> {
  for await (const line of textLines(fileText(path, { maxLineBytes: options.maxLineBytes }), { maxLineBytes: options.maxLineBytes })) {
    if (line.fault) throw new ImportFileError(`the header (line ${line.number}) cannot be read: ${line.fault.detail}`);
    return (parseSync(line.text) as string[][])[0] ?? [];
  }
  return [];
}

/** Where a parse of the extract starts: after line `line`, at byte `offset` of the text (0, 0: the file's start, its header included). */
interface Start {
  line: number;
  offset: number;
}

/** A row over the length limit, where csv-parse stopped: its line, and where the last row before it ended. */
interface Overflow {
  line: number;
  after: Start;
}

/**
 * A CSV extract's rows, each made the record its mapping says, with its line number and the byte
 * offset past it. csv-parse reads the text as a stream (quoted fields may hold newlines) and reports
 * a malformed row with its line number, passing on to the next; a row the mapping cannot read (an
 * unknown code, a time that is no time) is refused naming its column. A resumed import parses from
 * the checkpoint's offset, with the header read from the file's first line.
 *
 * A row over IMPORT_MAX_LINE_BYTES is refused too, naming its line, and the rows after it go on:
 * csv-parse reports it but then parses nothing more (its record stays over the limit whatever
 * follows), so a fresh parse starts on the line after the one where the row went over.
 */
export async function* csvRecords(path: string, mapping: Mapping, options: SourceOptions): AsyncGenerator<SourceLine> {
  const header = await headerOf(path, options);
  const missing = columnsOf(mapping).filter((column) => !header.includes(column));
  if (missing.length > 0) throw new ImportFileError(`the extract has no column ${missing.join(', ')}, which mapping ${mapping.name} reads`);
  let start: Start = options.resumeAfter ?? { line: 0, offset: 0 };
  for (;;) {
    const overflow = yield* csvRows(path, mapping, header, start, options);
    if (!overflow) return;
    const offset = await offsetAfterLines(path, overflow.after.offset, overflow.line - overflow.after.line, options);
    yield { number: overflow.line, end: offset, text: '', fault: lineFault(overflow.line, 'line', `the row is longer than the limit of ${options.maxLineBytes} bytes (IMPORT_MAX_LINE_BYTES)`) };
    start = { line: overflow.line, offset };
  }
}

/** The rows from `start` to the end of the file, or to a row over the length limit (answered, for the caller to go on after it). */
async function* csvRows(path: string, mapping: Mapping, header: string[], start: Start, options: SourceOptions): AsyncGenerator<SourceLine, Overflow | undefined> {
  const fromHeader = start.offset === 0;
  const skipped: SourceLine[] = [];
  // A malformed row is reported at the offset of the row before it: a checkpoint there re-reads the row after.
  const last: Start = { ...start };
  let overflow: Overflow | undefined;
  const parser = parse({
    columns: fromHeader ? true : header,
    info: true,
    raw: true,
    bom: true,
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: options.maxLineBytes,
    on_skip: (error) => {
      if (overflow) return;
      const { lines = 0, code, raw = '' } = (error ?? {}) as { lines?: number; code?: string; raw?: string };
      const line = start.line + lines;
      if (code === 'CSV_MAX_RECORD_SIZE') overflow = { line, after: { ...last } };
      else skipped.push(...malformedRow(skipped.at(-1), line, raw.replace(/\r?\n$/, ''), error?.message ?? 'unreadable'));
    },
  });
  const text = fileText(path, { ...options, resumeAfter: fromHeader ? undefined : start });
  void (async () => {
    try {
      for await (const chunk of text) {
        if (overflow) break;
        if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  for await (const { record, info, raw } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number }; raw: string }>) {
    const text = raw.replace(/\r?\n$/, '');
    const number = start.line + info.lines - (text.split('\n').length - 1);
    const end = start.offset + info.bytes;
    while (skipped.length > 0 && skipped[0].number < number) yield { ...skipped.shift()!, end: last.offset };
    last.line = start.line + info.lines;
    last.offset = end;
    if (Object.values(record).some((value) => value.includes('\uFFFD'))) {
      yield { number, end, text, fault: lineFault(number, 'line', 'the row is not valid UTF-8: an extract must be UTF-8 text') };
      continue;
    }
    try {
      yield { number, end, text, record: recordOf(mapping, record) };
    } catch (error) {
      if (!(error instanceof RowFault)) throw error;
      yield { number, end, text, fault: { status: 400, title: 'Invalid request', detail: `Line ${number}: ${error.message}`, errors: [{ field: error.column, messages: [error.reason] }] } };
    }
  }
  for (const fault of skipped) yield { ...fault, end: last.offset };
  return overflow;
}

/**
 * A row csv-parse could not read, refused from the line it starts on with its text as read: a quote
 * left open swallows the lines after it into one row, and the refusal names them. csv-parse may find
 * several faults in one row (a stray quote, then its column count): the row is refused once, with
 * the most of its text that was read.
 */
function malformedRow(previous: SourceLine | undefined, line: number, text: string, message: string): SourceLine[] {
  const first = line - (text.match(/\n/g)?.length ?? 0);
  if (previous?.number === first) {
    if (text.length > previous.text.length) previous.text = text;
    return [];
  }
  const span = first < line ? ` (lines ${first} to ${line}: a quoted field is not closed where it should be)` : '';
  return [{ number: first, end: -1, text, fault: lineFault(first, 'line', `the row${span} is not well-formed CSV: ${message}`) }];
}

/** The byte offset just past the `count`th line after `offset` (or the end of the text), read without holding a line. */
async function offsetAfterLines(path: string, offset: number, count: number, options: SourceOptions): Promise<number> {
  let position = offset;
  let left = count;
  for await (const chunk of fileText(path, { maxLineBytes: options.maxLineBytes, resumeAfter: { line: 0, offset } })) {
    let from = 0;
    while (left > 0) {
      const newline = chunk.indexOf(0x0a, from);
      if (newline < 0) break;
      left -= 1;
      from = newline + 1;
    }
    if (left === 0) return position + from;
    position += chunk.length;
  }
  return position;
}
