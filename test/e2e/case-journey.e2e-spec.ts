import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import request from 'supertest';
import { SqliteEventStore, type EventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore, PersonalDataVault } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import type { Agency } from '@case-journey/domain';
import { TestIssuer, type TestIdentity } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import {
  ALTERNATIVE_ENDINGS,
  CRIME_REPORT_EXAMPLE,
  EXAMPLE_IDS,
  HANDOFF_EXAMPLES,
  type HandoffType,
} from '../../apps/api/src/cases/dto';

/** Every handoff of the example robbery case in journey order, less the other journeys' endings and the amendments. */
const JOURNEY = (Object.keys(HANDOFF_EXAMPLES) as HandoffType[]).filter(
  (type) => !ALTERNATIVE_ENDINGS.includes(type) && type !== 'EventCorrected' && type !== 'EventRetracted',
);

const NOW = new Date('2025-12-01T12:00:00.000Z');

let issuer: TestIssuer;

/** Its own Redis namespace, so the shared Redis keeps nothing of this suite's (queues, read models, rate limits). */
const configuration = (settings: Record<string, string> = {}) =>
  loadConfiguration({ REDIS_KEY_PREFIX: `cj-e2e-${process.pid}`, ...issuer.environment, ...settings });

/** The example case is in Hertfordshire, and a correction moves it to Bedfordshire. */
const AREAS = ['Hertfordshire', 'Bedfordshire'];
const READER: TestIdentity = { subject: 'cp.reader', roles: ['case-progression'], agency: 'Police', areas: AREAS };

/** Who sends a body: its agency's system when it names a source system, else a case progression officer of that agency. */
const senderOf = (body: { agency?: Agency; sourceSystem?: string }): TestIdentity =>
  body.sourceSystem
    ? { subject: `${body.agency}-system`, roles: ['agency-system'], agency: body.agency, areas: AREAS, sourceSystems: [body.sourceSystem] }
    : { subject: `${body.agency}-officer`, roles: ['case-progression'], agency: body.agency, areas: AREAS };

/** Tokens minted before the tests, so that every request helper stays synchronous (supertest chains on it). */
const tokens = new Map<string, string>();
const bearer = (identity: TestIdentity) => {
  const token = tokens.get(JSON.stringify(identity));
  if (!token) throw new Error(`No token minted for ${JSON.stringify(identity)}`);
  return `Bearer ${token}`;
};
async function mintTokens(): Promise<void> {
  const bodies = [CRIME_REPORT_EXAMPLE, ...Object.values(HANDOFF_EXAMPLES)] as Array<{ agency?: Agency; sourceSystem?: string }>;
  const identities = [READER, ...bodies.flatMap((body) => [senderOf(body), senderOf({ agency: body.agency })])];
  for (const identity of identities) tokens.set(JSON.stringify(identity), await issuer.token(identity));
}

/**
 * The store, holding back the answers of its first `writers` successful stream reads until all of
 * them have been read: that many concurrent requests then load the same revision, whatever the
 * machine's load, and all but one meet a conflict when they append.
 */
function withConcurrentReaders(store: EventStore, writers: number): EventStore {
  const held: Array<() => void> = [];
  return Object.assign(Object.create(store) as EventStore, {
    readStream: async (...args: Parameters<EventStore['readStream']>) => {
      const events = await store.readStream(...args);
      if (held.length < writers) {
        await new Promise<void>((release) => {
          held.push(release);
          if (held.length === writers) held.forEach((waiting) => waiting());
        });
      }
      return events;
    },
  });
}

describe('the case journey API, end to end', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    await mintTokens();
    app = await createApi(configuration(), {
      eventStore: SqliteEventStore.inMemory(),
      victimKeyStore: new InMemoryVictimKeyStore(),
      clock: { now: () => NOW },
    });
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app.close();
    await issuer.stop();
    const redis = new Redis(loadConfiguration({}).redisUrl);
    const keys = await redis.keys(`cj-e2e-${process.pid}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const reportCrime = (overrides: object = {}) => report({ ...CRIME_REPORT_EXAMPLE, ...overrides });
  const report = (body: object, through = http) => through.post('/cases').set('Authorization', bearer(senderOf(body))).send(body);
  const record = <T extends { agency?: Agency; sourceSystem?: string }>(caseId: string, body: T, through = http) =>
    through.post(`/cases/${caseId}/events`).set('Authorization', bearer(senderOf(body))).send(body);
  const read = (url: string) => http.get(url).set('Authorization', bearer(READER));
  const historyLength = async (caseId: string) => (await read(`/cases/${caseId}/events`).expect(200)).body.events.length as number;
  const newCase = async (reference: string) => (await reportCrime({ sourceReference: reference }).expect(201)).body.caseId as string;

  describe('one case from crime report to sentence', () => {
    let caseId: string;

    it('opens the case with revision 0 as its ETag', async () => {
      const response = await reportCrime().expect(201);
      caseId = response.body.caseId;
      expect(response.headers.etag).toBe('"0"');
      expect(response.headers.location).toBe(`/cases/${caseId}`);
      expect(response.body).toMatchObject({ type: 'CrimeReported', revision: 0 });
    });

    it('records every handoff in turn, each one revision further', async () => {
      for (const [index, type] of JOURNEY.entries()) {
        const response = await record(caseId, HANDOFF_EXAMPLES[type]);
        expect({ type, status: response.status, body: response.body }).toMatchObject({ type, status: 201 });
        expect(response.body.revision).toBe(index + 1);
        expect(response.headers.etag).toBe(`"${index + 1}"`);
      }
    });

    it('gives the state: convicted, sentenced, with the hearing held', async () => {
      const response = await read(`/cases/${caseId}`).expect(200);
      expect(response.headers.etag).toBe(`"${JOURNEY.length}"`);
      const { state } = response.body;
      expect(state).toMatchObject({ caseId, area: 'Hertfordshire', convicted: true, eventCount: JOURNEY.length + 1 });
      expect(state.sentence).toMatchObject({ disposal: HANDOFF_EXAMPLES.SentencePassed.data.disposal });
      expect(state.hearings[0]).toMatchObject({ hearingId: EXAMPLE_IDS.hearing, held: { result: 'effective' } });
      expect(state.victims.map((victim: { victimId: string }) => victim.victimId)).toEqual([EXAMPLE_IDS.victim, EXAMPLE_IDS.businessVictim]);
      expect(state.ledger).toBeUndefined();
      await read(`/cases/${caseId}`).set('If-None-Match', response.headers.etag).expect(304);
    });

    it('gives the history, in which no victim detail appears in plain text', async () => {
      const response = await read(`/cases/${caseId}/events`).expect(200);
      expect(response.body.events.map((event: { type: string }) => event.type)).toEqual(['CrimeReported', ...JOURNEY]);
      const text = JSON.stringify(response.body);
      for (const detail of ['Joanna', 'Kowalska', 'j.kowalska@example.org', '1987-04-12', '07700 900123', 'Victoria Street']) {
        expect(text).not.toContain(detail);
      }
      expect(response.body.events[0].data.victims[0]).toMatchObject({ ageBand: '35-44', under18AtOffence: false, personal: { keyId: `victim-${EXAMPLE_IDS.victim}` } });
    });

    it('corrects an earlier handoff and retracts another, keeping both originals in the history', async () => {
      const history = (await read(`/cases/${caseId}/events`).expect(200)).body.events as Array<{ type: string; metadata: { eventId: string } }>;
      const listing = history.find((event) => event.type === 'HearingListed')!;
      const optOut = history.find((event) => event.type === 'VictimNeedsAssessed')!;
      await record(caseId, { ...HANDOFF_EXAMPLES.EventCorrected, data: { correctedEventId: listing.metadata.eventId, data: { court: 'Watford Crown Court' }, reason: 'Listed in the wrong court' } }).expect(201);
      // Only the agency that recorded an event may retract it: the needs assessment was the Police's.
      await record(caseId, { ...HANDOFF_EXAMPLES.EventRetracted, agency: 'Police', sourceSystem: 'Athena', data: { retractedEventId: optOut.metadata.eventId, reason: 'Entered on the wrong case' } }).expect(201);

      const state = (await read(`/cases/${caseId}`).expect(200)).body.state;
      expect(state.hearings[0].court).toBe('Watford Crown Court');
      expect(state.retractedEventIds).toContain(optOut.metadata.eventId);
      expect(await historyLength(caseId)).toBe(JOURNEY.length + 3);
    });

    it('checks a correction as the type it corrects, and never lets one carry personal data', async () => {
      const before = await historyLength(caseId);
      const history = (await read(`/cases/${caseId}/events`).expect(200)).body.events as Array<{ type: string; metadata: { eventId: string } }>;
      const idOf = (type: string) => history.find((event) => event.type === type)!.metadata.eventId;
      const police = { agency: 'Police', sourceSystem: 'Athena' } as const;
      const correct = (correctedEventId: string, data: object, reference: string, by: { agency: Agency; sourceSystem: string } = police) =>
        record(caseId, { ...HANDOFF_EXAMPLES.EventCorrected, ...by, sourceReference: reference, data: { correctedEventId, data, reason: 'Keyed wrongly' } });
      const court = { agency: 'HMCTS', sourceSystem: 'Common Platform' } as const;

      const badListing = await correct(idOf('HearingListed'), { courtTier: 'moon', court: '' }, 'CORR-BAD-LISTING', court).expect(400);
      expect((badListing.body.errors as Array<{ field: string }>).map((error) => error.field).sort()).toEqual(['data.data.court', 'data.data.courtTier']);

      const victims = await correct(idOf('CrimeReported'), { victims: [{ name: 'Joanna Kowalska' }] }, 'CORR-PII-1').expect(400);
      expect(victims.body.errors).toEqual([expect.objectContaining({ field: 'data.data.victims' })]);
      const registration = await correct(idOf('VictimRegistered'), { victim: { name: 'Joanna Kowalska' } }, 'CORR-PII-2').expect(400);
      expect(registration.body.errors).toEqual([expect.objectContaining({ field: 'data.data' })]);

      await correct(idOf('CrimeReported'), { area: 'Bedfordshire' }, 'CORR-AREA').expect(201);
      expect((await read(`/cases/${caseId}`).expect(200)).body.state.area).toBe('Bedfordshire');
      expect(JSON.stringify((await read(`/cases/${caseId}/events`).expect(200)).body)).not.toContain('Joanna');
      expect(await historyLength(caseId)).toBe(before + 1);
    });
  });

  describe('idempotency', () => {
    it('answers a re-sent crime report exactly as the first time and opens no second case', async () => {
      const first = await reportCrime({ sourceReference: 'ATH-IDEMPOTENT-1' }).expect(201);
      const again = await reportCrime({ sourceReference: 'ATH-IDEMPOTENT-1' }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await historyLength(first.body.caseId)).toBe(1);
    });

    it('stores a handoff re-delivered with the same source reference once, even after the case moved on', async () => {
      const caseId = await newCase('ATH-IDEMPOTENT-2');
      const first = await record(caseId, HANDOFF_EXAMPLES.SuspectEventRecorded).expect(201);
      await record(caseId, HANDOFF_EXAMPLES.VictimInformed).expect(201);
      const again = await record(caseId, HANDOFF_EXAMPLES.SuspectEventRecorded).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe('"1"');
      expect(await historyLength(caseId)).toBe(3);
    });

    it('refuses a source reference re-used for a different kind of record, storing nothing', async () => {
      const caseId = await newCase('ATH-IDEMPOTENT-4');
      await record(caseId, HANDOFF_EXAMPLES.SuspectEventRecorded).expect(201);
      const reused = await record(caseId, { ...HANDOFF_EXAMPLES.VictimInformed, sourceReference: HANDOFF_EXAMPLES.SuspectEventRecorded.sourceReference }).expect(422);
      expect(reused.body).toMatchObject({ rule: 'record-key-reused', storedType: 'SuspectEventRecorded' });
      expect(await historyLength(caseId)).toBe(2);
    });

    it('honours an Idempotency-Key for a caller with no source reference', async () => {
      const caseId = await newCase('ATH-IDEMPOTENT-3');
      const { sourceSystem, sourceReference, ...body } = HANDOFF_EXAMPLES.VictimInformed;
      expect([sourceSystem, sourceReference]).not.toContain(undefined);
      const first = await record(caseId, body).set('Idempotency-Key', 'wcu-call-7781').expect(201);
      const again = await record(caseId, body).set('Idempotency-Key', 'wcu-call-7781').expect(201);
      expect(again.body.eventId).toBe(first.body.eventId);
      await record(caseId, body).set('Idempotency-Key', 'wcu-call-7782').expect(201);
      expect(await historyLength(caseId)).toBe(3);
    });
  });

  describe('concurrency', () => {
    it('answers a stale If-Match with 409 and the current revision, and stores nothing', async () => {
      const caseId = await newCase('ATH-CONFLICT-1');
      await record(caseId, HANDOFF_EXAMPLES.SuspectEventRecorded).set('If-Match', '"0"').expect(201);
      const conflict = await record(caseId, HANDOFF_EXAMPLES.VictimInformed).set('If-Match', '"0"').expect(409);
      expect(conflict.body).toMatchObject({ status: 409, currentRevision: '1', caseId });
      expect(conflict.headers.etag).toBe('"1"');
      expect(await historyLength(caseId)).toBe(2);
      await record(caseId, HANDOFF_EXAMPLES.VictimInformed).set('If-Match', conflict.headers.etag).expect(201);
    });

    it('retries its own non-conditional writes so that concurrent handoffs all land, in distinct revisions', async () => {
      const contendedApp = await createApi(configuration({ WRITE_RETRIES: '10' }), {
        eventStore: withConcurrentReaders(SqliteEventStore.inMemory(), 6),
        victimKeyStore: new InMemoryVictimKeyStore(),
        clock: { now: () => NOW },
      });
      await contendedApp.init();
      try {
        const contended = request(contendedApp.getHttpServer());
        const caseId = (await report(CRIME_REPORT_EXAMPLE, contended).expect(201)).body.caseId;
        const { sourceSystem, sourceReference, ...contact } = HANDOFF_EXAMPLES.VictimInformed;
        expect([sourceSystem, sourceReference]).not.toContain(undefined);
        const responses = await Promise.all(
          Array.from({ length: 6 }, (_, index) => record(caseId, { ...contact, occurredAt: `2025-03-06T09:0${index}:00Z` }, contended)),
        );
        expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
        expect(responses.map((response) => response.body.revision).sort()).toEqual([1, 2, 3, 4, 5, 6]);
      } finally {
        await contendedApp.close();
      }
    });

    it('gives up with 409 once its retries are spent', async () => {
      const impatientApp = await createApi(configuration({ WRITE_RETRIES: '0' }), {
        eventStore: withConcurrentReaders(SqliteEventStore.inMemory(), 4),
        victimKeyStore: new InMemoryVictimKeyStore(),
        clock: { now: () => NOW },
      });
      await impatientApp.init();
      try {
        const impatient = request(impatientApp.getHttpServer());
        const caseId = (await report(CRIME_REPORT_EXAMPLE, impatient).expect(201)).body.caseId;
        const { sourceSystem, sourceReference, ...contact } = HANDOFF_EXAMPLES.VictimInformed;
        void [sourceSystem, sourceReference];
        const statuses = (
          await Promise.all(Array.from({ length: 4 }, () => record(caseId, contact, impatient)))
        ).map((response) => response.status);
        expect(statuses.filter((status) => status === 201)).toHaveLength(1);
        expect(statuses.filter((status) => status === 409)).toHaveLength(3);
      } finally {
        await impatientApp.close();
      }
    });
  });

  describe('errors', () => {
    it('400 names each bad field, and stores nothing', async () => {
      const caseId = await newCase('ATH-ERRORS-1');
      const response = await record(caseId, {
        ...HANDOFF_EXAMPLES.SuspectEventRecorded,
        occurredAt: '5 March',
        data: { ...HANDOFF_EXAMPLES.SuspectEventRecorded.data, kind: 'arrested-twice', suspectId: undefined },
      }).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const fields = (response.body.errors as Array<{ field: string }>).map((error) => error.field).sort();
      expect(fields).toEqual(['data.kind', 'data.suspectId', 'occurredAt']);
      expect(await historyLength(caseId)).toBe(1);
    });

    it('400 for an unknown type, a malformed body, a bad case id, a bad If-Match', async () => {
      const caseId = await newCase('ATH-ERRORS-2');
      const unknownType = await record(caseId, { ...HANDOFF_EXAMPLES.VictimInformed, type: 'SuspectTeleported' }).expect(400);
      expect(unknownType.body.errors[0].field).toBe('type');
      await http.post(`/cases/${caseId}/events`).set('Authorization', bearer(READER)).set('content-type', 'application/json').send('{"type": ').expect(400);
      const badId = await read('/cases/not-a-case-id').expect(400);
      expect(badId.body.errors[0].field).toBe('id');
      const badTag = await record(caseId, HANDOFF_EXAMPLES.VictimInformed).set('If-Match', 'yesterday').expect(400);
      expect(badTag.body.errors[0].field).toBe('If-Match');
      expect(await historyLength(caseId)).toBe(1);
    });

    it('413 for a body over the limit', async () => {
      const caseId = await newCase('ATH-ERRORS-5');
      const huge = { ...HANDOFF_EXAMPLES.VictimNeedsAssessed, data: { ...HANDOFF_EXAMPLES.VictimNeedsAssessed.data, needsIdentified: ['x'.repeat(1_100_000)] } };
      const response = await record(caseId, huge).expect(413);
      expect(response.body.status).toBe(413);
    });

    it('410 for personal data sent for a victim whose data was erased, while a re-sent report still answers as before', async () => {
      const victimId = '9a3c1e55-2b4d-4f6a-8c7e-1d2f3a4b5c6d';
      const erased = { sourceReference: 'ATH-ERASED-1', victims: [{ ...CRIME_REPORT_EXAMPLE.victims[0], victimId }] };
      const first = await reportCrime(erased).expect(201);
      app.get(PersonalDataVault).erase(victimId);
      const again = await reportCrime(erased).expect(201);
      expect(again.body).toEqual(first.body);
      const elsewhere = await reportCrime({ ...erased, sourceReference: 'ATH-ERASED-2' }).expect(410);
      expect(elsewhere.body.status).toBe(410);
    });

    it('reaches a case opened with an upper-case id by its Location', async () => {
      const caseId = '6F9619FF-8B86-4011-B42D-00C04FC96401';
      const opened = await reportCrime({ caseId, sourceReference: 'ATH-UPPER-1' }).expect(201);
      expect(opened.body.caseId).toBe(caseId.toLowerCase());
      await read(opened.headers.location).expect(200);
      await read(`/cases/${caseId}`).expect(200);
    });

    it('404 for a case that does not exist, on reads and writes', async () => {
      const unknown = '6f9619ff-8b86-4011-b42d-00c04fc964ff';
      await read(`/cases/${unknown}`).expect(404);
      await read(`/cases/${unknown}/events`).expect(404);
      const response = await record(unknown, HANDOFF_EXAMPLES.VictimInformed).expect(404);
      expect(response.body).toMatchObject({ status: 404, caseId: unknown });
    });

    it('422 names the journey rule broken, and stores nothing', async () => {
      const caseId = await newCase('ATH-ERRORS-3');
      const uncharged = await record(caseId, HANDOFF_EXAMPLES.HearingListed).expect(422);
      expect(uncharged.body).toMatchObject({ status: 422, rule: 'case-must-be-charged' });

      const future = await record(caseId, { ...HANDOFF_EXAMPLES.VictimInformed, occurredAt: '2026-01-01T00:00:00Z' }).expect(422);
      expect(future.body.rule).toBe('not-in-the-future');

      const stranger = await record(caseId, { ...HANDOFF_EXAMPLES.VictimInformed, data: { ...HANDOFF_EXAMPLES.VictimInformed.data, victimId: '00000000-0000-4000-8000-000000000000' } }).expect(422);
      expect(stranger.body.rule).toBe('victim-must-be-known');
      expect(await historyLength(caseId)).toBe(1);
    });

    it('422 for a sentence before any conviction', async () => {
      const caseId = await newCase('ATH-ERRORS-4');
      for (const type of ['FileSubmittedToCps', 'FileReviewed', 'ChargeDecisionMade', 'HearingListed'] as const) {
        await record(caseId, HANDOFF_EXAMPLES[type]).expect(201);
      }
      const response = await record(caseId, HANDOFF_EXAMPLES.SentencePassed).expect(422);
      expect(response.body.rule).toBe('sentence-needs-conviction');
      expect(await historyLength(caseId)).toBe(5);
    });
  });

  it('serves the OpenAPI document, and health without a token', async () => {
    const document = (await http.get('/docs-json').expect(200)).body;
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/cases', '/cases/{id}', '/cases/{id}/events']));
    const health = (await http.get('/health').expect(200)).body;
    expect(health).toMatchObject({ status: 'ok', eventStore: 'embedded' });
  });
});
