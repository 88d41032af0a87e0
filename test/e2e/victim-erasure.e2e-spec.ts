import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import request from 'supertest';
import type { SealedPersonalData } from '@case-journey/domain';
import { PersonalDataVault, SqliteVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { keysMatching } from '@case-journey/projections';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { CRIME_REPORT_EXAMPLE, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { waitFor } from '../../libs/projections/src/testing/redis-test-space';

/** Three weeks after the crime was reported: the referral was due on 12 February and is breached. */
const NOW = new Date('2025-03-04T09:00:00.000Z');
const ZEPHYRINE = { victimId: '5e0c9a3d-7b21-4f6e-8d94-2c1a0b9e7f31', name: 'Zephyrine Quillfeather-Oduya', phone: '07700 900731', email: 'zephyrine.quillfeather@example.org' };
const OTHER = { victimId: '9b4f2e71-c3a8-4d05-a6e2-7f1d3c5b8a90', name: 'Osbert Blackwood-Nkemelu', phone: '07700 900845', email: 'osbert.blackwood@example.org' };
/** Not sealed (needs are recorded as data), so the read models hold it until the erasure makes them forget it. */
const NEED = 'interpreter (Tigrinya)';

const within = (limitMs: number, what: string, check: () => Promise<boolean>) => waitFor(check, limitMs, what);

describe("erasing a victim's personal data", () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-erasure-'));
  const keyPrefix = `cjtest-erasure-${process.pid}`;
  let configuration: ReturnType<typeof loadConfiguration>;
  const overrides = { clock: { now: () => NOW } };
  const redis = new Redis(loadConfiguration({}).redisUrl);
  const keyFile = join(dataDirectory, 'victim-keys.db');
  let api: INestApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof request.agent>;
  let issuer: TestIssuer;
  /** A CPS lawyer, for the charge decision the Police may not record. */
  let cps: string;
  let caseId: string;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    configuration = loadConfiguration({ DATA_DIR: dataDirectory, REDIS_KEY_PREFIX: keyPrefix, ...issuer.environment });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides), { logger: false });
    await worker.init();
    api = await createApi(configuration, overrides);
    await api.init();
    // One Police officer of the area who reads and records the case, its victims' details and figures, and erases as data protection.
    const officer = await issuer.token({ subject: 'dpo.ahmed', roles: ['case-progression', 'witness-care', 'board', 'data-protection'], agency: 'Police', areas: ['Hertfordshire'] });
    cps = `Bearer ${await issuer.token({ subject: 'cps.lee', roles: ['case-progression'], agency: 'CPS', areas: ['Hertfordshire'] })}`;
    http = request.agent(api.getHttpServer()).set('Authorization', `Bearer ${officer}`);
  });

  afterAll(async () => {
    await api.close();
    await worker.close();
    await issuer.stop();
    const keys = await keysMatching(redis, `${keyPrefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  /** Every value of every Redis key of this run, as one text. */
  async function redisText(): Promise<string> {
    const values: string[] = [];
    for (const key of await keysMatching(redis, `${keyPrefix}*`)) {
      const type = await redis.type(key);
      if (type === 'string') values.push(key, (await redis.get(key)) ?? '');
      if (type === 'hash') values.push(key, ...Object.entries(await redis.hgetall(key)).flat());
      if (type === 'list') values.push(key, ...(await redis.lrange(key, 0, -1)));
      if (type === 'set') values.push(key, ...(await redis.smembers(key)));
      if (type === 'zset') values.push(key, ...(await redis.zrange(key, 0, -1)));
      if (type === 'stream') values.push(key, ...(await redis.xrange(key, '-', '+')).flat(2));
    }
    return values.join('\n');
  }

  /** The bytes of every SQLite file in the data folder: the events, the keys, and their write-ahead logs. */
  const sqliteFiles = () => readdirSync(dataDirectory).filter((file) => /\.(sqlite|db)(-wal|-shm)?$/.test(file)).map((file) => ({ file, bytes: readFileSync(join(dataDirectory, file)) }));
  /** Compliance counters as the projection keeps them: every count by area, month, rule, status and victim dimension. */
  async function counters(): Promise<Record<string, Record<string, string>>> {
    const keys = (await keysMatching(redis, `${keyPrefix}:obligations:*`)).filter((key) => /:(compliance|summary|victims-[a-zA-Z]+|timeliness):/.test(key));
    return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await redis.hgetall(key)] as const)));
  }
  const detailsOf = (victimId: string) => http.get(`/cases/${caseId}/victims/${victimId}`).query({ purpose: 'contact-about-hearing' });
  const envelopeOf = async (victimId: string): Promise<SealedPersonalData> => {
    const history = (await http.get(`/cases/${caseId}/events`).expect(200)).body;
    const report = (history.events ?? history).find((event: { type: string }) => event.type === 'CrimeReported');
    return report.data.victims.find((victim: { victimId: string }) => victim.victimId === victimId).personal;
  };

  it('first records the victim, whose details open, whose journey and needs the read models hold, and who was notified of as breached', async () => {
    const victim = (who: typeof ZEPHYRINE, sex: 'female' | 'male') => ({ ...CRIME_REPORT_EXAMPLE.victims[0], ...who, sex, address: undefined, dateOfBirth: '1986-05-17' });
    const report = { ...CRIME_REPORT_EXAMPLE, occurredAt: '2025-02-10T10:00:00Z', receivedAt: undefined, sourceReference: 'ATH-ERASURE-1', victims: [victim(ZEPHYRINE, 'female'), victim(OTHER, 'male')] };
    caseId = (await http.post('/cases').send(report).expect(201)).body.caseId;
    const needs = { ...HANDOFF_EXAMPLES.VictimNeedsAssessed, occurredAt: '2025-02-11T11:00:00Z', data: { victimId: ZEPHYRINE.victimId, needsIdentified: [NEED] } };
    await http.post(`/cases/${caseId}/events`).send(needs).expect(201);
    const informed = { ...HANDOFF_EXAMPLES.VictimInformed, occurredAt: '2025-02-12T09:00:00Z', data: { victimId: ZEPHYRINE.victimId, topic: 'crime-report-confirmation', channel: 'phone' } };
    await http.post(`/cases/${caseId}/events`).send(informed).expect(201);

    expect((await detailsOf(ZEPHYRINE.victimId).expect(200)).body).toMatchObject({ caseId, victimId: ZEPHYRINE.victimId, name: ZEPHYRINE.name, phone: ZEPHYRINE.phone, email: ZEPHYRINE.email, purpose: 'contact-about-hearing', preferences: { contactPreference: 'phone' } });
    await within(5000, 'the projections and the breach notification', async () => {
      const notified = (await http.get('/notifications').expect(200)).body.items.some((item: { victimId: string }) => item.victimId === ZEPHYRINE.victimId);
      const journey = await http.get(`/cases/${caseId}/victims/${ZEPHYRINE.victimId}/journey`);
      return notified && journey.status === 200 && journey.body.touchpoints.length === 2;
    });
    expect((await http.get('/worklists/witness-care').query({ agency: 'Police' }).expect(200)).body.items.map((item: { victimId: string }) => item.victimId)).toContain(ZEPHYRINE.victimId);
    // Read once, so the API keeps the case's timeline as it is now: the erasure must still reach it.
    expect((await http.get(`/cases/${caseId}/timeline`).expect(200)).text).toContain(NEED);
    const before = await redisText();
    // Nothing sealed ever reaches Redis; what the read models hold about the victim is what they must forget.
    expect(before).not.toContain(ZEPHYRINE.name);
    expect(before).toContain(NEED);
    expect(before).toContain(`"victimId":"${ZEPHYRINE.victimId}","ruleId":"R4.referral"`);
  });

  it('then erases: the key is gone from every file, nothing of the victim is in any SQLite file or Redis key, the counts are unchanged, and the details answer 410', async () => {
    const keys = new SqliteVictimKeyStore({ filename: keyFile });
    const key = keys.existingKey(`victim-${ZEPHYRINE.victimId}`)!;
    const otherKey = keys.existingKey(`victim-${OTHER.victimId}`)!;
    const envelope = await envelopeOf(ZEPHYRINE.victimId);
    expect(key).toHaveLength(32);
    expect(sqliteFiles().some(({ bytes }) => bytes.includes(key))).toBe(true); // the search below can find it
    const countsBefore = await counters();
    const figuresBefore = (await http.get('/compliance').query({ area: 'Hertfordshire', period: '2025', groupBy: 'entitlement,sex' }).expect(200)).body;
    expect(Object.keys(countsBefore).length).toBeGreaterThan(0);

    const erasure = await http.post(`/victims/${ZEPHYRINE.victimId}/erasure`).send({ reason: 'Erasure request DP-2025-0007 upheld' }).expect(200);
    expect(erasure.body).toMatchObject({ victimId: ZEPHYRINE.victimId, basis: 'request', cases: [{ caseId, urn: '41HT1234525', alreadyRecorded: false }], keyDestroyed: true, notificationsRemoved: 1, readModels: 'forgotten' });

    // The key: gone from the key file and its log, so the envelope in the events can never be opened again.
    expect(keys.existingKey(`victim-${ZEPHYRINE.victimId}`)).toBeUndefined();
    expect(new PersonalDataVault(keys).open(envelope)).toEqual({ erased: true });
    const files = sqliteFiles();
    expect(files.map(({ file }) => file)).toEqual(expect.arrayContaining(['events.sqlite', 'victim-keys.db']));
    for (const { file, bytes } of files) {
      expect({ file, key: bytes.includes(key) }).toEqual({ file, key: false });
      for (const text of [ZEPHYRINE.name, ZEPHYRINE.phone, ZEPHYRINE.email]) expect({ file, text, found: bytes.includes(Buffer.from(text)) }).toEqual({ file, text, found: false });
    }
    expect(keys.existingKey(`victim-${OTHER.victimId}`)).toEqual(otherKey);
    keys.close();

    // Redis: nothing of the victim's details, nor anything the read models knew about them.
    const after = await redisText();
    for (const text of [ZEPHYRINE.name, ZEPHYRINE.phone, ZEPHYRINE.email, NEED, envelope.ciphertext]) expect({ text, found: after.includes(text) }).toEqual({ text, found: false });
    expect(after).not.toContain(`"victimId":"${ZEPHYRINE.victimId}","ruleId"`); // no worklist item or notification names them

    // The counts: every counter exactly as before, and the figures built on them.
    expect(await counters()).toEqual(countsBefore);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the API's one-second cache of counters
    expect((await http.get('/compliance').query({ area: 'Hertfordshire', period: '2025', groupBy: 'entitlement,sex' }).expect(200)).body).toEqual(figuresBefore);

    // Reads: 410 for the erased victim, the other victim as before.
    const gone = await detailsOf(ZEPHYRINE.victimId).expect(410);
    expect(gone.body).toMatchObject({ status: 410, victimId: ZEPHYRINE.victimId, erasedAt: NOW.toISOString() });
    await http.get(`/cases/${caseId}/victims/${ZEPHYRINE.victimId}/journey`).expect(410);
    expect((await detailsOf(OTHER.victimId).expect(200)).body).toMatchObject({ name: OTHER.name, phone: OTHER.phone });
    expect((await http.get('/worklists/witness-care').query({ agency: 'Police' }).expect(200)).body.items.map((item: { victimId: string }) => item.victimId)).not.toContain(ZEPHYRINE.victimId);
    const timeline = await http.get(`/cases/${caseId}/timeline`).expect(200);
    expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toContain('VictimDataErased');
    expect(timeline.text).not.toContain(NEED);
  });

  it('refuses anything more about the erased victim, and a repeated erasure completes without recording twice', async () => {
    const late = { ...HANDOFF_EXAMPLES.VictimInformed, sourceReference: 'ATH-ERASURE-LATE', occurredAt: '2025-02-20T09:00:00Z', data: { victimId: ZEPHYRINE.victimId, topic: 'suspect-update', channel: 'phone' } };
    expect((await http.post(`/cases/${caseId}/events`).send(late).expect(422)).body).toMatchObject({ rule: 'erased-victim-takes-no-records' });
    const again = await http.post(`/victims/${ZEPHYRINE.victimId}/erasure`).send({ reason: 'Erasure request DP-2025-0007 upheld' }).expect(200);
    expect(again.body).toMatchObject({ cases: [{ caseId, alreadyRecorded: true }], notificationsRemoved: 0 });
    const history = (await http.get(`/cases/${caseId}/events`).expect(200)).body;
    expect((history.events ?? history).filter((event: { type: string }) => event.type === 'VictimDataErased')).toHaveLength(1);
  });

  it("audits each unsealing and each read of the victim's journey, every worklist page that named the case, and the erasure", async () => {
    const entries = (await http.get('/audit').query({ caseId }).expect(200)).body;
    expect(entries.chain).toMatchObject({ intact: true });
    const about = (action: string) => entries.entries.filter((entry: { action: string }) => entry.action === action);
    expect(about('victim-details-read').map((entry: { victimId: string }) => entry.victimId)).toEqual([ZEPHYRINE.victimId, OTHER.victimId]);
    expect(about('victim-journey-read').every((entry: { victimId: string; caseIds: string[] }) => entry.victimId === ZEPHYRINE.victimId && entry.caseIds[0] === caseId)).toBe(true);
    expect(about('victim-journey-read').length).toBeGreaterThan(0);
    expect(about('worklist-read').length).toBeGreaterThan(0);
    expect(about('victim-data-erased')).toEqual([expect.objectContaining({ subject: 'dpo.ahmed', victimId: ZEPHYRINE.victimId, reason: 'Erasure request DP-2025-0007 upheld' }), expect.objectContaining({ victimId: ZEPHYRINE.victimId })]);
  });

  it('erases by retention what a dry run listed: the victims of cases closed more than six years ago, and no one else', async () => {
    const longAgo = '6c2b8e4f-1a7d-4b3c-9e05-d8f1a2c4b6e9';
    const report = { ...CRIME_REPORT_EXAMPLE, occurredAt: '2018-01-10T10:00:00Z', receivedAt: undefined, sourceReference: 'ATH-2018-OLD', victims: [{ ...CRIME_REPORT_EXAMPLE.victims[0], victimId: longAgo }] };
    const oldCase = (await http.post('/cases').send(report).expect(201)).body.caseId;
    const noFurtherAction = { ...HANDOFF_EXAMPLES.ChargeDecisionMade, sourceReference: 'CMS-2018-NFA', occurredAt: '2018-02-01T11:00:00Z', data: { decision: 'no-further-action', decidedBy: 'CPS', charges: [] } };
    await http.post(`/cases/${oldCase}/events`).set('Authorization', cps).send(noFurtherAction).expect(201);

    const dryRun = (await http.post('/retention/dry-runs').expect(202)).body;
    expect(dryRun).toMatchObject({ kind: 'dry-run', cutoff: '2019-03-04T09:00:00.000Z', requestedBy: { subject: 'dpo.ahmed' } });
    let listing = dryRun;
    await within(10_000, 'the dry run', async () => (listing = (await http.get(`/retention/dry-runs/${dryRun.jobId}`).expect(200)).body).state === 'completed');
    expect(listing.result).toMatchObject({ total: 1, victims: [{ victimId: longAgo, cases: [{ caseId: oldCase, urn: '41HT1234525', closure: { reason: 'no-further-action', at: '2018-02-01T11:00:00.000Z' } }] }] });
    await detailsOf(longAgo).expect(404); // asked on the other case: it does not hold this victim
    expect((await http.get(`/cases/${oldCase}/victims/${longAgo}`).query({ purpose: 'safeguarding' }).expect(200)).body.name).toBe(CRIME_REPORT_EXAMPLE.victims[0].name);

    await http.post('/retention/dry-runs/999999/erasure').send({ reason: 'Retention period ended' }).expect(404);
    const erasure = (await http.post(`/retention/dry-runs/${dryRun.jobId}/erasure`).send({ reason: 'Retention period of six years ended' }).expect(202)).body;
    let outcome = erasure;
    await within(10_000, 'the retention erasure', async () => (outcome = (await http.get(`/retention/erasures/${erasure.jobId}`).expect(200)).body).state === 'completed');
    expect(outcome.result).toEqual({ dryRunId: dryRun.jobId, erased: [longAgo], skipped: [] });
    expect((await http.get(`/cases/${oldCase}/victims/${longAgo}`).query({ purpose: 'safeguarding' }).expect(410)).body.victimId).toBe(longAgo);
    const history = (await http.get(`/cases/${oldCase}/events`).expect(200)).body;
    expect((history.events ?? history).find((event: { type: string }) => event.type === 'VictimDataErased').data).toMatchObject({ victimId: longAgo, basis: 'retention' });
    await http.get(`/retention/erasures/${dryRun.jobId}`).expect(404); // a dry run is not an erasure
  });

  it('answers 400 naming the reason when it is missing, and 404 for a victim no case holds', async () => {
    expect((await http.post(`/victims/${OTHER.victimId}/erasure`).send({}).expect(400)).body.errors).toEqual([{ field: 'reason', messages: ['reason is required: say why the data is erased'] }]);
    expect((await http.post(`/victims/${OTHER.victimId}/erasure`).send({ reason: '  ' }).expect(400)).body.errors[0].field).toBe('reason');
    await http.post('/victims/nobody-at-all/erasure').send({ reason: 'Request upheld' }).expect(404);
    await detailsOf(OTHER.victimId).expect(200);
    expect(existsSync(keyFile)).toBe(true);
  });
});
