import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { problemOf } from '../http/problem-details.filter';
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

/**
 * A CSV extract's rows, each made the record its mapping says, with its line number and the byte
 * offset past it. csv-parse reads the text as a stream (quoted fields may hold newlines) and reports
 * a malformed row with its line number, passing on to the next; a row the mapping cannot read (an
 * unknown code, a time that is no time) is refused naming its column. A resumed import parses from
 * the checkpoint's offset, with the header read from the file's first line.
 */
export async function* csvRecords(path: string, mapping: Mapping, options: SourceOptions): AsyncGenerator<SourceLine> {
  const header = await headerOf(path, options);
  const missing = columnsOf(mapping).filter((column) => !header.includes(column));
  if (missing.length > 0) throw new ImportFileError(`the extract has no column ${missing.join(', ')}, which mapping ${mapping.name} reads`);
  const resume = options.resumeAfter;
  const startLine = resume?.line ?? 0;
  const startOffset = resume?.offset ?? 0;
  const skipped: SourceLine[] = [];
  // A malformed row is reported at the offset of the row before it: a checkpoint there re-reads the row after.
  let lastEnd = startOffset;
  const parser = parse({
    columns: resume ? header : true,
    info: true,
    raw: true,
    bom: true,
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: options.maxLineBytes,
    on_skip: (error) => {
      const line = startLine + Number((error as { lines?: number }).lines ?? 0);
      skipped.push({ number: line, end: -1, text: '', fault: lineFault(line, 'line', `the row is not well-formed CSV: ${error?.message ?? 'unreadable'}`) });
    },
  });
  const text = fileText(path, options);
  void (async () => {
    try {
      for await (const chunk of text) if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  for await (const { record, info, raw } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number }; raw: string }>) {
    const text = raw.replace(/\r?\n$/, '');
    const number = startLine + info.lines - (text.split('\n').length - 1);
    const end = startOffset + info.bytes;
    while (skipped.length > 0 && skipped[0].number < number) yield { ...skipped.shift()!, end: lastEnd };
    lastEnd = end;
    if (Object.values(record).some((value) => value.includes('\uFFFD'))) {
      yield { number, end, text, fault: lineFault(number, 'line', 'the row is not valid UTF-8: an extract must be UTF-8 text') };
      continue;
    }
    try {
      yield { number, end, text, record: recordOf(mapping, record) };
    } catch (error) {
      if (!(error instanceof RowFault)) throw error;
      yield { number, end, text, fault: { ...problemOf(error), status: 400, title: 'Invalid request', detail: `Line ${number}: ${error.message}`, errors: [{ field: error.column, messages: [error.reason] }] } };
    }
  }
  for (const fault of skipped) yield { ...fault, end: lastEnd };
}
