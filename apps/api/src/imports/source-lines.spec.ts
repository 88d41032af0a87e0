import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileText, ImportFileError, ndjsonRecords, type SourceLine } from './source-lines';

async function* chunked(text: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let start = 0; start < text.length; start += size) yield text.subarray(start, start + size);
}

async function all(lines: AsyncIterable<SourceLine>): Promise<SourceLine[]> {
  const found: SourceLine[] = [];
  for await (const line of lines) found.push(line);
  return found;
}

const summary = (lines: SourceLine[]) => lines.map(({ number, end, record, fault }) => ({ number, end, ...(record !== undefined && { record }), ...(fault && { field: fault.errors }) }));

describe('the lines of an NDJSON import', () => {
  it('given lines split across chunks anywhere, with CRLF, a BOM, a blank line and no final newline, then each record with its number and the byte offset past it', async () => {
    const text = Buffer.from('\uFEFF{"a":1}\r\n\n{"b":"é"}\n{"c":3}', 'utf8');
    for (const size of [1, 2, 5, 64]) {
      // Offsets by hand: the BOM is 3 bytes and {"a":1} 7, so line 1 ends at 3 + 7 + 2 = 12; line 2 (blank) at 13;
      // {"b":"é"} is 10 bytes ("é" is 2), so line 3 ends at 13 + 10 + 1 = 24; line 4, without a newline, at 24 + 7.
      expect(summary(await all(ndjsonRecords(chunked(text, size), { maxLineBytes: 100 })))).toEqual([
        { number: 1, end: 12, record: { a: 1 } },
        { number: 3, end: 24, record: { b: 'é' } },
        { number: 4, end: 31, record: { c: 3 } },
      ]);
    }
  });

  it('refuses, each naming itself, a line that is not JSON, one too long and one not UTF-8, and goes on past them', async () => {
    const text = Buffer.concat([Buffer.from('{"a":1}\n{oops\n'), Buffer.from(`{"long":"${'x'.repeat(50)}"}\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from('{"z":0}\n')]);
    const lines = await all(ndjsonRecords(chunked(text, 7), { maxLineBytes: 40 }));
    expect(lines.map((line) => [line.number, line.fault?.detail ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, expect.stringMatching(/^Line 2: the line is not JSON/)],
      [3, 'Line 3: the line is 61 bytes long, over the limit of 40 (IMPORT_MAX_LINE_BYTES)'],
      [4, 'Line 4: the line is not valid UTF-8: an import must be UTF-8 text'],
      [5, 'ok'],
    ]);
  });

  it('resumes past a checkpoint: numbering and offsets go on from it', async () => {
    const text = Buffer.from('{"c":3}\n{"d":4}\n');
    expect(summary(await all(ndjsonRecords(chunked(text, 3), { maxLineBytes: 100, resumeAfter: { line: 7, offset: 100 } })))).toEqual([
      { number: 8, end: 108, record: { c: 3 } },
      { number: 9, end: 116, record: { d: 4 } },
    ]);
  });

  describe('read from a file', () => {
    let folder: string;
    beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'cj-import-lines-'))));
    afterEach(() => rmSync(folder, { recursive: true, force: true }));
    const read = (path: string, resumeAfter?: { line: number; offset: number }) => all(ndjsonRecords(fileText(path, { maxLineBytes: 100, resumeAfter }), { maxLineBytes: 100, resumeAfter }));

    it('seeks a plain file to the checkpoint, and skips a gzip file to it, with the same lines either way', async () => {
      const text = '{"a":1}\n{"b":2}\n{"c":3}\n';
      writeFileSync(join(folder, 'plain.ndjson'), text);
      writeFileSync(join(folder, 'packed.ndjson.gz'), gzipSync(text));
      for (const name of ['plain.ndjson', 'packed.ndjson.gz']) {
        expect(summary(await read(join(folder, name), { line: 1, offset: 8 }))).toEqual([
          { number: 2, end: 16, record: { b: 2 } },
          { number: 3, end: 24, record: { c: 3 } },
        ]);
      }
    });

    it('stops a truncated gzip file with an error that says so', async () => {
      const packed = gzipSync('{"a":1}\n'.repeat(1000));
      writeFileSync(join(folder, 'cut.ndjson.gz'), packed.subarray(0, packed.length - 20));
      await expect(read(join(folder, 'cut.ndjson.gz'))).rejects.toEqual(new ImportFileError('the gzip data ends early: the file is truncated'));
    });
  });
});
