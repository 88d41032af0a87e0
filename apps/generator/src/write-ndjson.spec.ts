import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CaseEvent } from '@case-journey/domain';
import { DEMO_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { seededSealer } from './seeded-sealer';
import { fileSink, streamSink, writeNdjson } from './write-ndjson';

const calendar = new WorkingDayCalendar();
const cases = (seed: number) => generateCases(DEMO_PROFILE, { seed, cases: 120, calendar, rulebook: VICTIMS_CODE_2020, seal: seededSealer(seed) });

describe('writing NDJSON with the seeded vault', () => {
  const dir = mkdtempSync(join(tmpdir(), 'generator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = async (seed: number, name: string) => {
    const path = join(dir, name);
    const tally = await writeNdjson(cases(seed), fileSink(path));
    return { tally, bytes: readFileSync(path) };
  };
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('gives byte-identical files for the same seed, sealed details included, and other files for another seed', async () => {
    const first = await write(42, 'a.ndjson');
    const again = await write(42, 'b.ndjson');
    const other = await write(43, 'c.ndjson');
    expect(sha(again.bytes)).toBe(sha(first.bytes));
    expect(sha(other.bytes)).not.toBe(sha(first.bytes));
    expect(first.tally.bytes).toBe(first.bytes.length);
  });

  it('writes one event a line, every event of every case, with the victims’ details really sealed', async () => {
    const { tally, bytes } = await write(42, 'd.ndjson');
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(tally.events);
    expect(tally.cases).toBe(120);
    const events = lines.map((line) => JSON.parse(line) as CaseEvent);
    const sealed = events.flatMap((event) => (event.type === 'CrimeReported' ? event.data.victims.map((victim) => victim.personal) : []));
    expect(sealed.length).toBeGreaterThan(100);
    // AES-GCM under a key and IV per victim: no two envelopes alike, each with a 16-byte tag.
    expect(new Set(sealed.map((envelope) => envelope.ciphertext)).size).toBe(sealed.length);
    expect(new Set(sealed.map((envelope) => envelope.iv)).size).toBe(sealed.length);
    for (const envelope of sealed) expect(Buffer.from(envelope.authTag, 'base64')).toHaveLength(16);
  });

  it('writes the same bytes to a stream as to a file', async () => {
    const stream = new PassThrough();
    const received: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    await writeNdjson(cases(42), streamSink(stream));
    expect(sha(Buffer.concat(received))).toBe(sha((await write(42, 'e.ndjson')).bytes));
  });
});
