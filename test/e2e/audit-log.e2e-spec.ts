import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import request from 'supertest';
import { loadConfiguration, AUDIT_STREAM } from '@case-journey/platform';
import { createApi } from '../../apps/api/src/create-api';
import { CRIME_REPORT_EXAMPLE } from '../../apps/api/src/cases/dto';

const VICTIM_A = '2d7c1e9a-4b3f-4c8d-9e1a-6f5b0c3d2e17';
const VICTIM_B = '7a3e5c1b-9d2f-4e6a-8b0c-1d4f2a6e9c35';

/** The unsealings the test makes, in order: who, which victim, why. */
const READS = [
  { subject: 'wcu.jones', victimId: VICTIM_A, purpose: 'contact-about-hearing' },
  { subject: 'wcu.jones', victimId: VICTIM_B, purpose: 'needs-assessment' },
  { subject: 'cp.okafor', victimId: VICTIM_A, purpose: 'safeguarding' },
  { subject: 'wcu.patel', victimId: VICTIM_A, purpose: 'contact-about-outcome' },
  { subject: 'wcu.patel', victimId: VICTIM_B, purpose: 'witness-arrangements' },
] as const;

describe('the audit log of unsealings', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-audit-'));
  const configuration = loadConfiguration({ DATA_DIR: dataDirectory, REDIS_KEY_PREFIX: `cjtest-audit-${process.pid}` });
  let api: INestApplication;
  let http: ReturnType<typeof request>;
  let caseId: string;
  const startedAt = new Date();

  beforeAll(async () => {
    api = await createApi(configuration, { clock: { now: () => new Date() } });
    await api.init();
    http = request(api.getHttpServer());
    const victim = (victimId: string, name: string) => ({ ...CRIME_REPORT_EXAMPLE.victims[0], victimId, name });
    const report = { ...CRIME_REPORT_EXAMPLE, sourceReference: 'ATH-AUDIT-1', victims: [victim(VICTIM_A, 'Ada Example'), victim(VICTIM_B, 'Bo Example')] };
    caseId = (await http.post('/cases').send(report).expect(201)).body.caseId;
  });

  afterAll(async () => {
    await api.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const unseal = (subject: string, victimId: string, purpose: string) =>
    http.get(`/cases/${caseId}/victims/${victimId}`).query({ purpose }).set('X-User', subject).set('X-Agency', 'WCU');
  const audit = async (query: Record<string, string> = {}) => (await http.get('/audit').query(query).expect(200)).body;

  it('records every unsealing, in order, with who, which victim and case, and the purpose; refused reads record nothing', async () => {
    for (const read of READS) await unseal(read.subject, read.victimId, read.purpose).expect(200);
    expect((await unseal('wcu.jones', VICTIM_A, 'curiosity').expect(400)).body.errors).toEqual([
      { field: 'purpose', messages: [expect.stringMatching(/^purpose is required and must be one of: contact-about-hearing, /)] },
    ]);
    expect((await http.get(`/cases/${caseId}/victims/${VICTIM_A}`).expect(400)).body.errors[0].field).toBe('purpose');
    await unseal('wcu.jones', '00000000-0000-4000-8000-000000000000', 'safeguarding').expect(404);

    const log = await audit({ action: 'victim-details-read' });
    expect(log.total).toBe(READS.length);
    expect(log.entries).toEqual(
      READS.map((read, i) =>
        expect.objectContaining({ sequence: i, subject: read.subject, agency: 'WCU', action: 'victim-details-read', caseIds: [caseId], victimId: read.victimId, purpose: read.purpose, reason: null }),
      ),
    );
    for (const entry of log.entries) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt.getTime());
    expect(log.chain).toMatchObject({ intact: true, checked: READS.length, firstSequence: 0, lastSequence: READS.length - 1 });
  });

  it('filters by subject, victim, case and time', async () => {
    expect((await audit({ subject: 'wcu.patel' })).entries.map((entry: { purpose: string }) => entry.purpose)).toEqual(['contact-about-outcome', 'witness-arrangements']);
    expect((await audit({ victimId: VICTIM_B })).total).toBe(2);
    expect((await audit({ caseId })).total).toBe(READS.length);
    expect((await audit({ caseId: '11111111-1111-4111-8111-111111111111' })).total).toBe(0);
    expect((await audit({ from: new Date(Date.now() + 3_600_000).toISOString() })).total).toBe(0);
    expect((await audit({ to: new Date(startedAt.getTime() - 3_600_000).toISOString() })).total).toBe(0);
    expect((await audit({ limit: '2', offset: '1' })).entries.map((entry: { sequence: number }) => entry.sequence)).toEqual([1, 2]);
    const bad = (await http.get('/audit').query({ action: 'peek', from: 'yesterday' }).expect(400)).body.errors.map((error: { field: string }) => error.field);
    expect(bad).toEqual(expect.arrayContaining(['action', 'from']));
  });

  it('shows an entry removed from the store as a break in the hash chain, where it was', async () => {
    const db = new Database(join(dataDirectory, 'events.sqlite'));
    expect(db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(AUDIT_STREAM).changes).toBe(1);
    db.close();

    const log = await audit();
    expect(log.entries.map((entry: { sequence: number }) => entry.sequence)).toEqual([0, 1, 3, 4]);
    expect(log.chain).toMatchObject({ intact: false, brokenAt: 3, problem: 'missing', detail: 'Entry 2 before entry 3 is missing' });
  });

  it('shows an entry altered in the store as a break where it was', async () => {
    const db = new Database(join(dataDirectory, 'events.sqlite'));
    const row = db.prepare('SELECT position, data FROM events WHERE stream_id = ? AND revision = 0').get(AUDIT_STREAM) as { position: number; data: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace('"purpose":"contact-about-hearing"', '"purpose":"safeguarding"'), row.position);
    db.close();
    expect((await audit()).chain).toMatchObject({ intact: false, brokenAt: 0, problem: 'altered' });
  });

  it('shows nothing when the audit log cannot be written (503), so no unsealing goes unrecorded', async () => {
    const failing = { record: () => Promise.reject(new Error('event store unavailable')), read: () => Promise.reject(new Error('event store unavailable')) };
    const blind = await createApi(configuration, { clock: { now: () => new Date() }, auditLog: failing });
    await blind.init();
    try {
      const answer = await request(blind.getHttpServer()).get(`/cases/${caseId}/victims/${VICTIM_A}`).query({ purpose: 'safeguarding' }).expect(503);
      expect(answer.body.detail).toMatch(/^The audit log could not be written, so nothing is shown/);
      expect(JSON.stringify(answer.body)).not.toContain('Ada Example');
    } finally {
      await blind.close();
    }
  });
});
