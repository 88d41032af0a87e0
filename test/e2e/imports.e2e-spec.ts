import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { DEMO_PROFILE, generateCases, requestRecords } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { TestIssuer, type TestIdentity } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { RecordingSealer } from '../../libs/synthetic/src/testing/recording-sealer';
import { dropRedisKeys } from './redis-keys';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const PREFIX = `cj-e2e-imports-${process.pid}`;
const MAX_LINE_BYTES = 8192;

type Line = Record<string, unknown>;

/**
 * The kinds of broken line an agency's file holds, each made from a good line, with the line's
 * problem as the API names it. `applies` picks the lines it can be made from.
 */
const BROKEN: Array<{ kind: string; applies: (line: Line) => boolean; make: (line: Line) => string | Buffer; expected: { status: number; field?: string; rule?: string } }> = [
  { kind: 'not JSON', applies: () => true, make: (line) => JSON.stringify(line).slice(0, 40), expected: { status: 400, field: 'line' } },
  { kind: 'a list, not an object', applies: () => true, make: (line) => JSON.stringify([line]), expected: { status: 400, field: 'line' } },
  { kind: 'an unknown type', applies: isHandoff, make: (line) => JSON.stringify({ ...line, type: 'HandoffMade' }), expected: { status: 400, field: 'type' } },
  { kind: 'a case id that is no UUID', applies: isHandoff, make: (line) => JSON.stringify({ ...line, caseId: 'case-12' }), expected: { status: 400, field: 'caseId' } },
  { kind: 'no source reference', applies: isHandoff, make: ({ sourceReference: _reference, ...line }) => JSON.stringify(line), expected: { status: 400, field: 'sourceReference' } },
  { kind: 'a time that is no instant', applies: () => true, make: (line) => JSON.stringify({ ...line, occurredAt: '31/02/2025 10:00' }), expected: { status: 400, field: 'occurredAt' } },
  { kind: 'an unknown field', applies: isHandoff, make: (line) => JSON.stringify({ ...line, colour: 'red' }), expected: { status: 400, field: 'colour' } },
  { kind: 'a line too long', applies: () => true, make: (line) => JSON.stringify({ ...line, padding: 'x'.repeat(MAX_LINE_BYTES) }), expected: { status: 400, field: 'line' } },
  { kind: 'bytes that are not UTF-8', applies: () => true, make: (line) => Buffer.concat([Buffer.from(JSON.stringify(line).slice(0, -2)), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), expected: { status: 400, field: 'line' } },
  { kind: 'its source reference re-used with other content', applies: isHandoff, make: (line) => JSON.stringify({ ...line, occurredAt: '2020-01-01T00:00:00.000Z' }), expected: { status: 422, rule: 'record-key-reused' } },
  { kind: 'a case that does not exist', applies: isHandoff, make: (line) => JSON.stringify({ ...line, caseId: '00000000-0000-4000-8000-000000000001' }), expected: { status: 404 } },
  { kind: 'another agency\'s record', applies: (line) => line.type === 'FileReviewed', make: (line) => JSON.stringify({ ...line, agency: 'Police' }), expected: { status: 403, field: 'type' } },
  {
    kind: 'a journey rule broken: a contact with a victim the case does not have',
    applies: (line) => line.type === 'VictimInformed',
    make: (line) => JSON.stringify({ ...line, sourceReference: `${String(line.sourceReference)}/stranger`, data: { ...(line.data as object), victimId: '00000000-0000-4000-8000-0000000000aa' } }),
    expected: { status: 422 },
  },
];

function isHandoff(line: Line): boolean {
  return line.type !== 'CrimeReported';
}

describe('bulk imports over HTTP', () => {
  const store = SqliteEventStore.inMemory();
  const sealer = new RecordingSealer();
  const generated = [...generateCases(DEMO_PROFILE, { seed: 42, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })];
  const details = new Map<string, VictimPersonalData>(sealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
  const lines = [...requestRecords(generated, (victimId) => details.get(victimId))];
  const demoFile = `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
  const operator: TestIdentity = { subject: 'ops.lee', roles: ['admin'], areas: [], sourceSystems: [] };
  let dataDirectory: string;
  let issuer: TestIssuer;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'cj-e2e-imports-'));
    issuer = await TestIssuer.start();
    const configuration = loadConfiguration({ DATA_DIR: dataDirectory, REDIS_KEY_PREFIX: PREFIX, RATE_LIMIT_PER_MINUTE: '100000', IMPORT_MAX_LINE_BYTES: String(MAX_LINE_BYTES), IMPORT_MAX_FILE_BYTES: String(20 * 1024 ** 2), ...issuer.environment });
    app = await createApi(configuration, { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock: { now: () => NOW } });
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app.close();
    await issuer.stop();
    await dropRedisKeys(PREFIX);
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const bearer = async (identity: TestIdentity) => `Bearer ${await issuer.token(identity)}`;
  /** Sends the file and expects the status. */
  const upload = async (status: number, body: string | Buffer, identity = operator, type = 'application/x-ndjson', query = '') =>
    http.post(`/imports${query}`).set('Authorization', await bearer(identity)).set('Content-Type', type).send(body).expect(status);

  /** Waits for the import's job to finish (BullMQ runs it in the API process). */
  async function finished(id: string, identity = operator): Promise<Record<string, unknown>> {
    const authorization = await bearer(identity);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await http.get(`/imports/${id}`).set('Authorization', authorization).expect(200);
      if (body.state === 'completed' || body.state === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`Import ${id} still ${body.state}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const rejectionsOf = async (id: string, format: 'ndjson' | 'csv' = 'ndjson') => {
    const response = await http.get(`/imports/${id}/rejections`).query({ format }).set('Authorization', await bearer(operator)).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    }).expect(200);
    return response.body as string;
  };

  it('imports the demo profile as NDJSON with every line accepted; the same file again, every line replayed and nothing stored; a copy with 25 broken lines, exactly those rejected and the rest replayed', async () => {
    const first = await upload(202, demoFile);
    expect(first.headers.location).toBe(`/imports/${first.body.id}`);
    expect(await finished(first.body.id)).toMatchObject({ state: 'completed', linesRead: lines.length, accepted: lines.length, replayed: 0, rejected: 0, bytesRead: Buffer.byteLength(demoFile), bytesTotal: Buffer.byteLength(demoFile), secondsLeft: 0 });
    const stored = (await store.readAll()).length;
    expect(stored).toBe(lines.length);

    const again = await upload(202, demoFile);
    expect(await finished(again.body.id)).toMatchObject({ state: 'completed', accepted: 0, replayed: lines.length, rejected: 0 });
    expect((await store.readAll()).length).toBe(stored);

    // 25 lines spread through the file, each broken in one of the kinds in turn.
    const copy: Array<string | Buffer> = lines.map((line) => JSON.stringify(line));
    const expected = new Map<number, { kind: string; status: number; field?: string; rule?: string }>();
    for (let broken = 0; broken < 25; broken++) {
      const kind = BROKEN[broken % BROKEN.length];
      let index = Math.floor((broken * lines.length) / 25);
      while (expected.has(index + 1) || !kind.applies(lines[index])) index = (index + 1) % lines.length;
      copy[index] = kind.make(lines[index]);
      expected.set(index + 1, { kind: kind.kind, ...kind.expected });
    }
    const brokenFile = Buffer.concat(copy.flatMap((line) => [Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\n')]));
    const third = await upload(202, brokenFile);
    expect(await finished(third.body.id)).toMatchObject({ state: 'completed', linesRead: lines.length, accepted: 0, replayed: lines.length - 25, rejected: 25 });
    expect((await store.readAll()).length).toBe(stored);

    const rejections = (await rejectionsOf(third.body.id)).trim().split('\n').map((line) => JSON.parse(line) as { line: number; problem: { status: number; errors?: Array<{ field: string }>; field?: string; rule?: string } });
    const found = rejections.map(({ line, problem }) => {
      const { kind, field, rule } = expected.get(line) ?? { kind: 'not broken' };
      return { line, kind, status: problem.status, ...(field && { field: problem.errors?.[0]?.field ?? problem.field }), ...(rule && { rule: problem.rule }) };
    });
    expect(found).toEqual([...expected].sort(([a], [b]) => a - b).map(([line, { kind, ...problem }]) => ({ line, kind, ...problem })));

    const csv = await rejectionsOf(third.body.id, 'csv');
    expect(csv.split('\n')[0]).toBe('line,status,title,field,reason,rule,record');
    expect(csv).toContain(`${[...expected].find(([, problem]) => problem.field === 'colour')![0]},400,Invalid request,colour,`);
  }, 180_000);

  it("lets an agency system import only its agency's records, and read only its agency's imports", async () => {
    const police: TestIdentity = { subject: 'police-anglia-system', roles: ['agency-system'], agency: 'Police', areas: ['Anglia'], sourceSystems: ['Athena'] };
    const wessexCase = lines.find((line) => line.type === 'CrimeReported' && line.area === 'Wessex')!;
    const { body } = await upload(202, `${JSON.stringify(wessexCase)}\n`, police);
    expect(await finished(body.id, police)).toMatchObject({ state: 'completed', rejected: 1 });
    const cps: TestIdentity = { ...police, subject: 'cps-system', agency: 'CPS', sourceSystems: ['CMS'] };
    await http.get(`/imports/${body.id}`).set('Authorization', await bearer(cps)).expect(404);
    await upload(403, '{}\n', police, 'application/x-ndjson', '?sourceSystem=CMS');
  });

  it("imports a police CSV extract through its mapping as the Police system of its area, and refuses a CSV without one (400)", async () => {
    const police: TestIdentity = { subject: 'police-wessex-system', roles: ['agency-system'], agency: 'Police', areas: ['Wessex'], sourceSystems: ['Athena'] };
    const extract = readFileSync(join(__dirname, '../../apps/api/src/imports/mappings/samples/police-crime-extract.csv'));
    const { body } = await upload(202, extract, police, 'text/csv', '?mapping=police-crime-extract&sourceSystem=Athena');
    expect(await finished(body.id, police)).toMatchObject({ state: 'completed', format: 'csv', mapping: 'police-crime-extract', linesRead: 5, accepted: 5, rejected: 0 });
    const refused = await upload(400, extract, police, 'text/csv');
    expect(refused.body.errors).toEqual([{ field: 'mapping', messages: ['a CSV extract needs the mapping of its columns (mapping=…)'] }]);
    await upload(400, extract, police, 'text/csv', '?mapping=no-such-extract');
  });

  it('refuses another content type (415), an empty file (400) and a file over the limit (413); fails a truncated gzip naming the last line stored', async () => {
    await upload(415, '{"a":1}', operator, 'application/json');
    expect((await upload(400, '')).body.errors).toEqual([{ field: 'body', messages: ['the file is empty: send the extract itself as the request body'] }]);
    await upload(415, 'a,b\n', operator, 'text/plain');
    await upload(413, 'x'.repeat(21 * 1024 ** 2));
    const packed = gzipSync(demoFile);
    const cut = await upload(202, packed.subarray(0, Math.floor(packed.length / 2)));
    const status = await finished(cut.body.id);
    expect(status).toMatchObject({ state: 'failed', error: expect.stringMatching(/^the gzip data ends early: the file is truncated \(after line \d+, the last stored\)$/) });
  }, 60_000);
});
