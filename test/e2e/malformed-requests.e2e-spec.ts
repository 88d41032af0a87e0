import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@case-journey/event-store';
import { SqliteVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { officersOfEveryAgency } from '../../apps/api/src/access/testing/signed-in';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { dropRedisKeys } from './redis-keys';
import { ALTERNATIVE_ENDINGS, CRIME_REPORT_EXAMPLE, HANDOFF_EXAMPLES, type HandoffType } from '../../apps/api/src/cases/dto';
import { malformedRequests, SEEDED_IDEMPOTENCY_KEY, type Attempt } from './malformed-requests.cases';

/**
 * Issue 8's probe, kept: well over 1,500 malformed requests to every write route and to the read
 * routes' query parameters. None may answer 5xx; each answer is a problem document with the status
 * and field expected; and the event store and the victim key store are byte for byte what they
 * were before the first of them.
 *
 * Both stores are SQLite files in WAL mode, so a write may sit in the -wal file rather than the
 * database file. Each is checkpointed (TRUNCATE) before it is read, which moves every committed
 * page into the database file and empties the log: the database file's bytes then are the store's
 * whole content, and SQLite rewrites its header (the change counter) on any committed write, even
 * one whose rows were deleted again. Equal bytes therefore mean no write at all, not just the same
 * rows. The -shm file is an index of the log, rebuilt at will, and is not compared.
 */

const NOW = new Date('2025-12-01T12:00:00.000Z');
const PREFIX = `cj-e2e-malformed-${process.pid}`;
const JOURNEY = (Object.keys(HANDOFF_EXAMPLES) as HandoffType[]).filter(
  (type) => !ALTERNATIVE_ENDINGS.includes(type) && type !== 'EventCorrected' && type !== 'EventRetracted',
);

/** The database file's bytes once every committed write is in it. */
function settledBytes(file: string): Buffer {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return readFileSync(file);
}

interface Outcome {
  attempt: Attempt;
  status: number;
  contentType: string | null;
  body: unknown;
  bytes: number;
}

describe('malformed requests', () => {
  let directory: string;
  let app: INestApplication;
  let issuer: TestIssuer;
  let officers: Awaited<ReturnType<typeof officersOfEveryAgency>>;
  let base: string;
  let port: number;
  let caseId: string;
  const eventIds = new Map<string, string>();

  const send = async (attempt: Pick<Attempt, 'method' | 'path' | 'headers' | 'body' | 'raw'>) => {
    const hasBody = attempt.raw !== undefined || attempt.body !== undefined;
    const response = await fetch(`${base}${attempt.path}`, {
      method: attempt.method,
      // Each body is sent by the agency it names, so that what is refused is refused for its shape, not its sender.
      headers: { ...(hasBody && { 'content-type': 'application/json' }), authorization: officers.headerFor(attempt.body), ...attempt.headers },
      body: attempt.raw ?? (attempt.body === undefined ? undefined : JSON.stringify(attempt.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Kept as text: the assertions below then fail on it.
    }
    return { status: response.status, contentType: response.headers.get('content-type'), body, bytes: Buffer.byteLength(text) };
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'cj-malformed-'));
    issuer = await TestIssuer.start();
    officers = await officersOfEveryAgency(issuer, ['Hertfordshire', 'Bedfordshire']);
    app = await createApi(loadConfiguration({ REDIS_KEY_PREFIX: PREFIX, DATA_DIR: directory, RATE_LIMIT_PER_MINUTE: '1000000', ...issuer.environment }), {
      eventStore: SqliteEventStore.open({ dataDirectory: directory }),
      victimKeyStore: new SqliteVictimKeyStore({ filename: join(directory, 'victim-keys.db') }),
      clock: { now: () => NOW },
    });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;

    const opened = await send({ method: 'POST', path: '/cases', body: CRIME_REPORT_EXAMPLE });
    expect(opened.status).toBe(201);
    caseId = (opened.body as { caseId: string }).caseId;
    for (const type of JOURNEY) {
      const recorded = await send({ method: 'POST', path: `/cases/${caseId}/events`, body: HANDOFF_EXAMPLES[type] });
      expect({ type, status: recorded.status }).toEqual({ type, status: 201 });
      eventIds.set(type, (recorded.body as { eventId: string }).eventId);
    }
    const { sourceSystem: _system, sourceReference: _reference, ...keyed } = HANDOFF_EXAMPLES.VictimInformed;
    const contact = await send({ method: 'POST', path: `/cases/${caseId}/events`, body: keyed, headers: { 'idempotency-key': SEEDED_IDEMPOTENCY_KEY } });
    expect(contact.status).toBe(201);
  });

  afterAll(async () => {
    await app.close();
    await issuer.stop();
    rmSync(directory, { recursive: true, force: true });
    await dropRedisKeys(PREFIX);
  });

  it('answers each with the 4xx and the field expected, as a problem document, and stores nothing', async () => {
    const attempts = malformedRequests({ caseId, eventIdOf: (type) => eventIds.get(type) as string });
    expect(attempts.length).toBeGreaterThanOrEqual(1_500);
    const categories = new Set(attempts.map((attempt) => attempt.category));
    for (const category of ['prototype key', 'deep nesting', 'bad unicode', 'huge string', 'wrong type', 'unknown type', 'content type', 'bad header', 'bad path', 'bad query', 'conflicting re-delivery', 'keys of a refused record']) {
      expect(categories).toContain(category);
    }

    const eventsBefore = settledBytes(join(directory, 'events.sqlite'));
    const keysBefore = settledBytes(join(directory, 'victim-keys.db'));

    const outcomes: Outcome[] = [];
    for (const attempt of attempts) outcomes.push({ attempt, ...(await send(attempt)) });

    const wrong = outcomes.filter((outcome) => faultOf(outcome) !== undefined).map((outcome) => `${outcome.attempt.category}: ${outcome.attempt.name.slice(0, 120)} → ${faultOf(outcome)}`);
    expect(wrong.slice(0, 25)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status >= 500)).toHaveLength(0);

    expect(settledBytes(join(directory, 'events.sqlite')).equals(eventsBefore)).toBe(true);
    expect(settledBytes(join(directory, 'victim-keys.db')).equals(keysBefore)).toBe(true);
  }, 120_000);

  it('lists the first 50 of 900 unknown fields with a count of the rest, and refuses 90,000 before parsing them', async () => {
    const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 1]));
    const answer = await send({ method: 'POST', path: '/cases', body: { ...CRIME_REPORT_EXAMPLE, sourceReference: 'MANY-KEYS', ...many(900) } });
    expect(answer.status).toBe(400);
    const problem = answer.body as { errors: Array<{ field: string }>; errorsNotListed: number };
    expect(problem.errors).toHaveLength(50);
    expect(problem.errors.map((error) => error.field).slice(0, 3)).toEqual(['k0', 'k1', 'k2']);
    expect(problem.errorsNotListed).toBe(900 - 50);

    const flood = await send({ method: 'POST', path: '/cases', body: { ...CRIME_REPORT_EXAMPLE, sourceReference: 'MANY-KEYS', ...many(90_000) } });
    expect(flood.status).toBe(400);
    expect(flood.body).toMatchObject({ errors: [{ field: 'body', messages: ['an object or list in the body holds more than 1000 members'] }] });
    expect(flood.bytes).toBeLessThan(1_000);
  });

  it("answers requests Node's HTTP parser refuses as problem documents too", async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request, 'latin1'));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const requests = [
      [`POST /cases HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\u0000b\r\nContent-Length: 2\r\n\r\n{}`, 400],
      [`GET /cases HTTP/1.1\r\nHost: x\r\nX-Filler: ${'x'.repeat(20_000)}\r\n\r\n`, 431],
      [`GET /cases\u0000 HTTP/1.1\r\nHost: x\r\n\r\n`, 400],
      [`POST /cases HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\u007fb\r\nContent-Length: 2\r\n\r\n{}`, 400],
    ] as const;
    for (const [request, status] of requests) {
      const answer = await raw(request);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(body)).toMatchObject({ status });
    }
  });
});

/** What is wrong with an answer, or undefined when it is what the attempt expects. */
function faultOf({ attempt, status, contentType, body }: Outcome): string | undefined {
  const { expect: expected } = attempt;
  if (status !== expected.status) return `status ${status}, not ${expected.status}: ${JSON.stringify(body).slice(0, 300)}`;
  if (!contentType?.startsWith('application/problem+json')) return `content type ${contentType}`;
  const problem = body as { status?: unknown; title?: unknown; errors?: Array<{ field: unknown; messages: unknown }>; rule?: unknown; differentFields?: unknown };
  if (problem.status !== status || typeof problem.title !== 'string') return `not a problem document: ${JSON.stringify(body).slice(0, 200)}`;
  if (status === 400) {
    const errors = problem.errors ?? [];
    if (errors.length === 0 || errors.length > 50) return `${errors.length} errors listed`;
    if (!errors.every((error) => typeof error.field === 'string' && Array.isArray(error.messages) && error.messages.length > 0)) return 'an error without field or messages';
    // class-validator names a list for the fault of one of its texts: `needsIdentified` for `needsIdentified[1]`.
    const names = (field: unknown) => field === expected.field || (typeof field === 'string' && expected.field?.startsWith(`${field}[`));
    if (expected.field !== undefined && !errors.some((error) => names(error.field))) {
      return `no error names ${JSON.stringify(expected.field)}: ${JSON.stringify(errors).slice(0, 300)}`;
    }
  }
  if (expected.rule !== undefined && problem.rule !== expected.rule) return `rule ${String(problem.rule)}, not ${expected.rule}`;
  if (expected.rule === 'record-key-reused' && expected.field !== undefined && !(problem.differentFields as string[]).includes(expected.field)) {
    return `differentFields ${JSON.stringify(problem.differentFields)} lacks ${expected.field}`;
  }
  return undefined;
}
