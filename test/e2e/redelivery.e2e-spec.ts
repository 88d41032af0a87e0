import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { CaseEvent, VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore, WrongExpectedRevisionError, type EventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore, PersonalDataVault } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { DEMO_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { loadIntoStore } from '../../apps/generator/src/load-into-store';
import { ANGLIA, PENNINE, SEVERN, WESSEX } from '../../libs/synthetic/src/profiles/areas';
import type { Agency } from '@case-journey/domain';
import { officersOfEveryAgency } from '../../apps/api/src/access/testing/signed-in';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { dropRedisKeys } from './redis-keys';
import { CRIME_REPORT_EXAMPLE, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { RecordingSealer } from '../../libs/synthetic/src/testing/recording-sealer';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const PREFIX = `cj-e2e-redelivery-${process.pid}`;

/** The store, whose appends fail `failures` times with `error` before going through. */
function failingAppends(store: EventStore, error: () => Error, failures = { count: 0 }): EventStore & { failures: { count: number } } {
  return Object.assign(Object.create(store) as EventStore, {
    failures,
    append: (...args: Parameters<EventStore['append']>) => (failures.count-- > 0 ? Promise.reject(error()) : store.append(...args)),
  });
}

const ENGLAND_AND_WALES_AREAS = [WESSEX, ANGLIA, PENNINE, SEVERN].map((area) => area.name);

describe('re-deliveries and the keys of refused records', () => {
  const store = SqliteEventStore.inMemory();
  const keys = new InMemoryVictimKeyStore();
  const failures = { count: 0 };
  let failure: () => Error = () => new Error('disk full');
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let issuer: TestIssuer;
  let officers: Awaited<ReturnType<typeof officersOfEveryAgency>>;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    // The example's area, the one a re-delivery moves it to, and the generator's areas.
    officers = await officersOfEveryAgency(issuer, ['Hertfordshire', 'Bedfordshire', ...ENGLAND_AND_WALES_AREAS]);
    app = await createApi(loadConfiguration({ REDIS_KEY_PREFIX: PREFIX, WRITE_RETRIES: '0', ...issuer.environment }), {
      eventStore: failingAppends(store, () => failure(), failures),
      victimKeyStore: keys,
      clock: { now: () => NOW },
    });
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app.close();
    await issuer.stop();
    await dropRedisKeys(PREFIX);
  });

  const report = (overrides: object = {}) => post('/cases', { ...CRIME_REPORT_EXAMPLE, ...overrides });
  /** Sent by the agency the body names. */
  const post = (path: string, body: object) => http.post(path).set('Authorization', officers.headerFor(body)).send(body);
  const history = async (caseId: string) => (await http.get(`/cases/${caseId}/events`).set('Authorization', officers.headerFor()).expect(200)).body.events as CaseEvent[];
  const victim = (victimId: string, details: object = {}) => ({ ...CRIME_REPORT_EXAMPLE.victims[0], victimId, ...details });

  describe('a record re-sent under its source reference', () => {
    it('given a crime report stored, when sent again as it was, then it answers as the first time', async () => {
      const first = await report({ sourceReference: 'REDELIVER-1' }).expect(201);
      const again = await report({ sourceReference: 'REDELIVER-1' }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('given a crime report stored, when sent again with another area, then 422 record-key-reused names it and nothing is stored', async () => {
      const { caseId } = (await report({ sourceReference: 'REDELIVER-2' }).expect(201)).body;
      const conflict = await report({ sourceReference: 'REDELIVER-2', area: 'Bedfordshire' }).expect(422);
      expect(conflict.body).toMatchObject({ status: 422, rule: 'record-key-reused', storedType: 'CrimeReported', differentFields: ['area'] });
      expect(conflict.body.detail).toMatch(/already used .* for a CrimeReported with different content \(area\)/);
      expect(await history(caseId)).toHaveLength(1);
    });

    it("given a crime report stored, when sent again with a victim's other name, then 422 names that victim's sealed details", async () => {
      const victimId = '1b7f2e0a-0000-4000-8000-00000000aa01';
      await report({ sourceReference: 'REDELIVER-3', victims: [victim(victimId)] }).expect(201);
      const conflict = await report({ sourceReference: 'REDELIVER-3', victims: [victim(victimId, { name: 'Joanne Kowalska' })] }).expect(422);
      expect(conflict.body.differentFields).toEqual(['victims[0] (sealed details)']);
    });

    it("given the victim's data erased since, when sent again with another name, then it answers as the first time: nothing is left to compare", async () => {
      const victimId = '1b7f2e0a-0000-4000-8000-00000000aa02';
      const first = await report({ sourceReference: 'REDELIVER-4', victims: [victim(victimId)] }).expect(201);
      app.get(PersonalDataVault).erase(victimId);
      const again = await report({ sourceReference: 'REDELIVER-4', victims: [victim(victimId, { name: 'Someone Else' })] }).expect(201);
      expect(again.body).toEqual(first.body);
    });

    it('given a handoff stored under an Idempotency-Key, when the key comes again with other data, then 422 names the field', async () => {
      const { caseId } = (await report({ sourceReference: 'REDELIVER-5' }).expect(201)).body;
      const { sourceSystem: _system, sourceReference: _reference, ...contact } = HANDOFF_EXAMPLES.VictimInformed;
      await http.post(`/cases/${caseId}/events`).set('Authorization', officers.headerFor(contact)).set('Idempotency-Key', 'call-1').send(contact).expect(201);
      const conflict = await http
        .post(`/cases/${caseId}/events`)
        .set('Authorization', officers.headerFor(contact))
        .set('Idempotency-Key', 'call-1')
        .send({ ...contact, occurredAt: '2025-03-06T10:00:00Z', data: { ...contact.data, channel: 'email' } })
        .expect(422);
      expect(conflict.body.differentFields).toEqual(['data.channel', 'occurredAt']);
      expect(await history(caseId)).toHaveLength(2);
    });

    it('keeps the hash of what the record says in its metadata, the same for the same content whoever keyed it', async () => {
      const { caseId } = (await report({ sourceReference: 'REDELIVER-6' }).expect(201)).body;
      const [event] = await history(caseId);
      expect(event.metadata.contentHash).toMatch(/^sha256:[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(event.metadata)).not.toContain('Kowalska');
    });
  });

  describe('records the generator wrote, re-sent through the API', () => {
    const sealer = new RecordingSealer();
    const [generated] = [...generateCases(DEMO_PROFILE, { seed: 5, cases: 1, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })];
    const detailsOf = new Map(sealer.sealed.map(({ victimId, details }) => [victimId, details]));

    /** The request an agency's system would have sent for a generated event. */
    const requestFor = (event: CaseEvent): { path: string; body: Record<string, unknown> } => {
      const { caseId, ...data } = event.data as unknown as Record<string, unknown>;
      const { occurredAt, receivedAt, agency, recordedBy, sourceSystem, sourceReference, correlationId } = event.metadata;
      // Sent by the one who recorded it: a token whose subject is the generated recorder.
      const envelope = { occurredAt, receivedAt, agency, recordedBy, sourceSystem, sourceReference, correlationId };
      const asSent = (registration: Record<string, unknown>) => {
        const { personal: _sealed, enhancedGrounds, ageBand, under18AtOffence: _under18, ...rest } = registration as Record<string, unknown> & { enhancedGrounds: Array<{ ground: string }> };
        const details = detailsOf.get(rest.victimId as string) as VictimPersonalData;
        return { ...rest, ...details, ...(details.dateOfBirth ? {} : { ageBand }), enhancedGrounds: enhancedGrounds.map(({ ground }) => ground) };
      };
      if (event.type === 'CrimeReported') return { path: '/cases', body: { ...envelope, ...data, victims: (data.victims as Array<Record<string, unknown>>).map(asSent) } };
      const payload = event.type === 'VictimRegistered' ? { victim: asSent(data.victim as Record<string, unknown>) } : data;
      return { path: `/cases/${caseId}/events`, body: { ...envelope, type: event.type, data: payload } };
    };

    /** The agency system that sent it, signed in as the recorder the generator named. */
    const recorderOf = async (body: Record<string, unknown>) =>
      `Bearer ${await issuer.token({ subject: String(body.recordedBy), roles: ['agency-system'], agency: body.agency as Agency, areas: ENGLAND_AND_WALES_AREAS, sourceSystems: [String(body.sourceSystem)] })}`;

    it('given a generated case in the store, when each of its records is sent again as it was, then each answers as stored and nothing new is stored', async () => {
      await loadIntoStore(store, [generated]);
      const before = await history(generated.caseId);
      for (const event of before) {
        const { path, body } = requestFor(event);
        const response = await http.post(path).set('Authorization', await recorderOf(body)).send(JSON.parse(JSON.stringify(body)));
        expect({ type: event.type, status: response.status, eventId: response.body.eventId }).toEqual({ type: event.type, status: 201, eventId: event.metadata.eventId });
        expect(response.headers['idempotent-replayed']).toBe('true');
      }
      expect(await history(generated.caseId)).toHaveLength(before.length);
    });

    it('given a generated case in the store, when a record is sent again saying something else, then 422', async () => {
      const [, second] = await history(generated.caseId);
      const { path, body } = requestFor(second);
      const response = await http.post(path).set('Authorization', await recorderOf(body)).send(JSON.parse(JSON.stringify({ ...body, occurredAt: '2020-01-01T00:00:00Z' }))).expect(422);
      expect(response.body).toMatchObject({ rule: 'record-key-reused', differentFields: ['occurredAt'] });
    });
  });

  describe("victims' keys", () => {
    it('given a crime report refused by a journey rule, then no key is made for its victims', async () => {
      const before = keys.size;
      await report({ sourceReference: 'KEYS-1', occurredAt: '2026-01-01T00:00:00Z', victims: [victim('2c8e3f1b-0000-4000-8000-00000000bb01')] }).expect(422);
      // The CPS may not report a crime: refused by the access rules (403) before the journey's own rule would (422).
      await report({ sourceReference: 'KEYS-2', agency: 'CPS', victims: [victim('2c8e3f1b-0000-4000-8000-00000000bb02')] }).expect(403);
      expect(keys.size).toBe(before);
    });

    it('given a victim registration refused, then no key is made; given it recorded, then one is', async () => {
      const { caseId } = (await report({ sourceReference: 'KEYS-3' }).expect(201)).body;
      const registration = (victimId: string, occurredAt: string) => ({
        ...HANDOFF_EXAMPLES.VictimRegistered,
        sourceReference: `KEYS-3-${victimId}`,
        occurredAt,
        data: { victim: { ...HANDOFF_EXAMPLES.VictimRegistered.data.victim, victimId } },
      });
      const before = keys.size;
      await http.post(`/cases/${caseId}/events`).set('Authorization', officers.headerFor(HANDOFF_EXAMPLES.VictimRegistered)).send(registration('2c8e3f1b-0000-4000-8000-00000000bb03', '2026-01-01T00:00:00Z')).expect(422);
      expect(keys.size).toBe(before);
      await http.post(`/cases/${caseId}/events`).set('Authorization', officers.headerFor(HANDOFF_EXAMPLES.VictimRegistered)).send(registration('2c8e3f1b-0000-4000-8000-00000000bb04', '2025-03-04T10:15:00Z')).expect(201);
      expect(keys.size).toBe(before + 1);
    });

    it('given the store refusing the append for a revision that moved, then the keys made for it are removed', async () => {
      const before = keys.size;
      failure = () => new WrongExpectedRevisionError('case-x', 'no-stream', 0n);
      failures.count = 1;
      await report({ sourceReference: 'KEYS-4', victims: [victim('2c8e3f1b-0000-4000-8000-00000000bb05')] }).expect(409);
      expect(keys.size).toBe(before);
    });

    it('given the append failing in a way that may still have stored it, then the keys stay: an event must never outlive its key', async () => {
      const before = keys.size;
      failure = () => new Error('connection lost while appending');
      failures.count = 1;
      await report({ sourceReference: 'KEYS-5', victims: [victim('2c8e3f1b-0000-4000-8000-00000000bb06')] }).expect(500);
      expect(keys.size).toBe(before + 1);
    });
  });
});
