import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRecords } from './csv-records';
import { loadMapping } from './mappings/shipped-mappings';
import type { SourceLine } from './source-lines';

const HEADER = 'Crime Ref,Entry Ref,Record Type,When (London),URN,Force Area,Offence,Offence Group,Victim Ref,Victim Type,Victim Name,Contact Name,Victim DOB,Victim Phone,Victim Email,Contact Pref,Referral Consent,Topic,Channel';
const crime = (reference: string, offence = 'Theft') => `${reference},${reference},CRIME,14/07/2025 22:15,47WX0000101,Wessex,${offence},THEF,V1,P,Sam Carter,,03/02/1990,07700 900123,,TEL,Y,,`;
const contact = (reference: string, entry: string) => `${reference},${entry},CONTACT,15/07/2025 09:30,,,,,V1,,,,,,,,,CONF,TEL`;

describe('the rows of a CSV extract', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'cj-csv-rows-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  async function rows(lines: string[], maxLineBytes: number, resumeAfter?: { line: number; offset: number }): Promise<SourceLine[]> {
    const path = join(folder, 'extract.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const found: SourceLine[] = [];
    for await (const row of csvRecords(path, loadMapping('police-crime-extract'), { maxLineBytes, resumeAfter })) found.push(row);
    return found;
  }
  const outcomes = (found: SourceLine[]) => found.map((row) => [row.number, row.fault?.detail ?? (row.record as { sourceReference: string }).sourceReference]);

  it('given a row over the length limit, then it is refused naming its line, and every row after it is read', async () => {
    const found = await rows([HEADER, crime('R1'), crime('R2', 'x'.repeat(400)), contact('R1', 'R1-C1'), crime('R3'), contact('R3', 'R3-C1')], 300);
    expect(outcomes(found)).toEqual([
      [2, 'R1'],
      [3, 'Line 3: the row is longer than the limit of 300 bytes (IMPORT_MAX_LINE_BYTES)'],
      [4, 'R1-C1'],
      [5, 'R3'],
      [6, 'R3-C1'],
    ]);
    // Offsets by hand: each row's end is the length of the lines up to it, newlines included.
    const ends = [HEADER, crime('R1'), crime('R2', 'x'.repeat(400)), contact('R1', 'R1-C1')].map((line) => line.length + 1).reduce<number[]>((sums, length) => [...sums, (sums.at(-1) ?? 0) + length], []);
    expect(found.slice(0, 3).map((row) => row.end)).toEqual(ends.slice(1, 4));
  });

  it('given the first row over the limit, or the last, then the others are read', async () => {
    expect(outcomes(await rows([HEADER, crime('R2', 'x'.repeat(400)), crime('R1')], 300))).toEqual([
      [2, 'Line 2: the row is longer than the limit of 300 bytes (IMPORT_MAX_LINE_BYTES)'],
      [3, 'R1'],
    ]);
    expect(outcomes(await rows([HEADER, crime('R1'), crime('R2', 'x'.repeat(400))], 300))).toEqual([
      [2, 'R1'],
      [3, 'Line 3: the row is longer than the limit of 300 bytes (IMPORT_MAX_LINE_BYTES)'],
    ]);
  });

  it('given a quoted field whose lines together go over the limit, then the row is refused at the line it went over on, and the rows after it are read, a malformed row refused once', async () => {
    const offence = `"${'a'.repeat(150)}\n${'b'.repeat(150)}\n${'c'.repeat(150)}"`;
    const found = await rows([HEADER, crime('R1'), crime('R2', offence), crime('R3')], 300);
    // The rest of the field, on line 5, is read afresh as a row of its own: malformed, refused once.
    expect(outcomes(found)).toEqual([
      [2, 'R1'],
      [4, 'Line 4: the row is longer than the limit of 300 bytes (IMPORT_MAX_LINE_BYTES)'],
      [5, expect.stringMatching(/^Line 5: the row is not well-formed CSV: Invalid Opening Quote/)],
      [6, 'R3'],
    ]);
  });

  it('given a quote left open on line 3, then the lines it swallowed are refused as one row from line 3, named and kept as read, and the rows after it are read', async () => {
    const found = await rows([HEADER, crime('R1'), '"R2,left open', crime('R3'), contact('R3', 'R3-C1'), crime('R4', '"Theft, from a person"'), crime('R5')], 1000);
    expect(outcomes(found)).toEqual([
      [2, 'R1'],
      [3, expect.stringMatching(/^Line 3: the row \(lines 3 to 6: a quoted field is not closed where it should be\) is not well-formed CSV: Invalid Closing Quote/)],
      [7, 'R5'],
    ]);
    // Its text is every line it took in, up to where csv-parse gave up on it.
    expect(found[1].text).toBe(['"R2,left open', crime('R3'), contact('R3', 'R3-C1'), crime('R4', '"Theft, from a person"')].join('\n'));
  });

  it('resumed past a checkpoint after an over-long row, then it goes on with the same numbers', async () => {
    const lines = [HEADER, crime('R1'), crime('R2', 'x'.repeat(400)), contact('R1', 'R1-C1')];
    const whole = await rows(lines, 300);
    const resumed = await rows(lines, 300, { line: whole[1].number, offset: whole[1].end });
    expect(outcomes(resumed)).toEqual([[4, 'R1-C1']]);
  });
});
