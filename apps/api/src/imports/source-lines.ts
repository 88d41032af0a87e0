import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Problem } from '../http/problem-details.filter';

/** One record of the file, numbered as a person reading it would (the first line is 1), or why it cannot be read. */
export interface SourceLine {
  number: number;
  /** Byte offset (of the uncompressed text) just past this line: where a resumed import starts reading. */
  end: number;
  /** The line as read, for the rejections file. */
  text: string;
  record?: unknown;
  fault?: Problem;
}

/** The file cannot be read on: the import stops, naming the last line read. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

export interface SourceOptions {
  maxLineBytes: number;
  /** Where a resumed import starts: past this line, at this byte offset of the uncompressed text. */
  resumeAfter?: { line: number; offset: number };
  /** Told the bytes of the file read so far (compressed, for a gzip file). */
  onBytesRead?: (bytes: number) => void;
}

/** A line's raw bytes, or its length alone when it is too long to keep. */
interface RawLine {
  number: number;
  end: number;
  bytes?: Buffer;
  length: number;
}

const NEWLINE = 0x0a;
const GZIP_MAGIC = [0x1f, 0x8b];

export const lineFault = (number: number, field: string, message: string): Problem => ({
  status: 400,
  title: 'Invalid request',
  detail: `Line ${number}: ${message}`,
  errors: [{ field, messages: [message] }],
});

/** Whether the file is gzip, by its first two bytes (whatever its name says). */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * The file's text as a stream of chunks, read with backpressure (nothing is read faster than it is
 * used), gunzipped when it is gzip. A plain file resumes by seeking to the offset; a gzip file
 * cannot be entered mid-way, so its text before the offset is read again and skipped unparsed.
 */
export async function* fileText(path: string, options: SourceOptions): AsyncGenerator<Buffer> {
  const offset = options.resumeAfter?.offset ?? 0;
  const gzip = await isGzipFile(path);
  const file = createReadStream(path, { start: gzip ? 0 : offset, highWaterMark: 1 << 20 });
  const text = gzip ? file.pipe(createGunzip()) : file;
  file.on('error', (error) => text.destroy(error));
  let skip = gzip ? offset : 0;
  try {
    for await (const chunk of text as AsyncIterable<Buffer>) {
      options.onBytesRead?.(file.bytesRead);
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      yield skip > 0 ? chunk.subarray(skip) : chunk;
      skip = 0;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (gzip && (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR')) {
      throw new ImportFileError(code === 'Z_BUF_ERROR' ? 'the gzip data ends early: the file is truncated' : `the gzip data is corrupt (${(error as Error).message})`);
    }
    throw error;
  } finally {
    file.destroy();
  }
}

/** Splits text into lines at LF bytes, keeping at most `maxLineBytes` of any line (a longer one is reported, never held). */
async function* rawLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number, first: { line: number; offset: number }): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let number = first.line;
  let end = first.offset;
  const line = (terminator: number): RawLine => {
    number += 1;
    end += length + terminator;
    const raw = { number, end, length, ...(length <= maxLineBytes && { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts) }) };
    parts = [];
    length = 0;
    return raw;
  };
  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const stop = newline < 0 ? chunk.length : newline;
      length += stop - start;
      if (length <= maxLineBytes) parts.push(chunk.subarray(start, stop));
      else parts = [];
      if (newline < 0) break;
      yield line(1);
      start = newline + 1;
    }
  }
  if (length > 0) yield line(0);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's lines, decoded: each one exactly UTF-8 (a line that is not is refused, naming it,
 * never silently mended), without its CR, and blank lines passed over. Numbering and offsets go on
 * from `resumeAfter`.
 */
export async function* textLines(chunks: AsyncIterable<Buffer>, options: SourceOptions): AsyncGenerator<SourceLine> {
  const first = options.resumeAfter ?? { line: 0, offset: 0 };
  for await (const raw of rawLines(chunks, options.maxLineBytes, first)) {
    const { number, end } = raw;
    if (!raw.bytes) {
      yield { number, end, text: '', fault: lineFault(number, 'line', `the line is ${raw.length} bytes long, over the limit of ${options.maxLineBytes} (IMPORT_MAX_LINE_BYTES)`) };
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(raw.bytes);
    } catch {
      yield { number, end, text: raw.bytes.toString('latin1'), fault: lineFault(number, 'line', 'the line is not valid UTF-8: an import must be UTF-8 text') };
      continue;
    }
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') continue;
    yield { number, end, text };
  }
}

/** NDJSON: one JSON object a line. A line that does not parse is refused with the parser's reason; the others go on. */
export async function* ndjsonRecords(chunks: AsyncIterable<Buffer>, options: SourceOptions): AsyncGenerator<SourceLine> {
  for await (const line of textLines(chunks, options)) {
    if (line.fault) {
      yield line;
      continue;
    }
    try {
      yield { ...line, record: JSON.parse(line.text) };
    } catch (error) {
      yield { ...line, fault: lineFault(line.number, 'line', `the line is not JSON: ${(error as Error).message}`) };
    }
  }
}
