import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Principal } from '@case-journey/access';
import { derivedCaseId, derivedVictimId, recordKey, type VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore, PersonalDataVault } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { DEMO_PROFILE, generateCases, requestRecords } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { RecordingSealer } from '../../../../libs/synthetic/src/testing/recording-sealer';

import { CaseStreamRepository } from '../cases/case-stream.repository';
import { HandoffRecorder } from '../cases/handoff-recorder';
import { ImportJournal, newImportStatus } from './import-journal';
import { processImport } from './process-import';
import { ndjsonSource, sourceFor } from './record-sources';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const OPERATOR: Principal = { subject: 'ops.lee', roles: ['admin'], areas: [], sourceSystems: [] };

describe.each([
  ['on this thread', false],
  ['validated on a thread of their own', true],
])('an import of request lines, through the recorder, %s', (_how, validationThread) => {
  const sealer = new RecordingSealer();
  const generated = [...generateCases(DEMO_PROFILE, { seed: 7, cases: 12, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })];
  const details = new Map<string, VictimPersonalData>(sealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
  const records = [...requestRecords(generated, (victimId) => details.get(victimId))];
  const uniqueEvents = new Set(generated.flatMap((one) => one.events.map((event) => event.metadata.eventId))).size;

  let folder: string;
  let store: SqliteEventStore;
  let services: Parameters<typeof processImport>[2];
  let sequence = 0;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'cj-import-'));
    store = SqliteEventStore.inMemory();
    const repository = new CaseStreamRepository(store, loadConfiguration({}));
    const configuration = loadConfiguration({});
    services = { recorder: new HandoffRecorder(repository, configuration, new PersonalDataVault(new InMemoryVictimKeyStore())), repository, configuration, clock: { now: () => NOW } };
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const importText = async (text: string, owner: Principal = OPERATOR) => {
    const path = join(folder, `file-${++sequence}.ndjson`);
    writeFileSync(path, text);
    const journal = new ImportJournal(join(folder, `import-${sequence}`));
    journal.create(newImportStatus(`import-${sequence}`, owner, { format: 'ndjson', fileName: 'file.ndjson', bytesTotal: text.length, dryRun: false }, NOW));
    const status = await processImport(journal, path, services, { batchSize: 50, validationThread }, ndjsonSource);
    const rejections = readFileSync(journal.rejectionsPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    return { status, rejections };
  };
  const asText = (lines: readonly object[]) => lines.map((line) => JSON.stringify(line)).join('\n');

  it('given the generated cases as requests, then every line is accepted and each record stored once; sent again, every line is replayed and nothing stored', async () => {
    const first = await importText(asText(records));
    expect(first.status).toMatchObject({ state: 'completed', tally: { linesRead: records.length, accepted: records.length, replayed: 0, rejected: 0 } });
    expect(await store.readAll()).toHaveLength(uniqueEvents);
    const again = await importText(asText(records));
    expect(again.status.tally).toEqual({ linesRead: records.length, accepted: 0, replayed: records.length, rejected: 0 });
    expect(await store.readAll()).toHaveLength(uniqueEvents);
  });

  it('writes nothing more once it no longer owns the import, and the run that took it over finishes it with every record stored once', async () => {
    // A broken line added to each of the first two batches of 50 (lines 11 and 61): the second's rejection must be written once, by the run that took over.
    const lines = records.map((record) => JSON.stringify(record));
    lines.splice(10, 0, '{broken');
    lines.splice(60, 0, '{broken too');
    const text = lines.join('\n');
    const path = join(folder, 'handed-over.ndjson');
    writeFileSync(path, text);
    const journal = new ImportJournal(join(folder, 'handed-over'));
    journal.create(newImportStatus('handed-over', OPERATOR, { format: 'ndjson', fileName: 'handed-over.ndjson', bytesTotal: text.length, dryRun: false }, NOW));
    const lost = new Error('the job lock lapsed');
    let asked = 0;
    // Owned for the first batch only.
    await expect(processImport(journal, path, services, { batchSize: 50, validationThread, stillOwned: async () => { if (++asked > 1) throw lost; } }, ndjsonSource)).rejects.toBe(lost);
    expect(journal.read()).toMatchObject({ state: 'running', checkpoint: { line: 50 }, tally: { linesRead: 50, rejected: 1 } });

    const finished = await processImport(journal, path, services, { batchSize: 50, validationThread }, ndjsonSource);
    expect(finished.state).toBe('completed');
    // The second batch was stored by the first run before it found it had lost the import: the second run replays it.
    expect(finished.tally).toEqual({ linesRead: records.length + 2, accepted: records.length - 49, replayed: 49, rejected: 2 });
    const rejections = readFileSync(journal.rejectionsPath, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { line: number }).line);
    expect(rejections).toEqual([11, 61]);
    expect(await store.readAll()).toHaveLength(uniqueEvents);
  });

  it('gives each line the ids its single request would: the generator\'s, derived from the same source references', async () => {
    await importText(asText(records));
    const stored = (await store.readAll()).map((event) => event.id).sort();
    expect(stored).toEqual([...new Set(generated.flatMap((one) => one.events.map((event) => event.metadata.eventId)))].sort());
  });

  it('rejects exactly the broken lines, each with its number, field and reason, and stores the rest', async () => {
    const lines: unknown[] = records.slice(0, 30).map((record) => JSON.stringify(record));
    const contact = records.slice(0, 30).findIndex((record) => record.type === 'VictimInformed');
    lines[contact] = JSON.stringify({ ...records[contact], data: { ...(records[contact].data as object), channel: 'pigeon' } });
    lines.splice(3, 0, '{not json');
    lines.push(JSON.stringify({ ...records[1], caseId: 'not-a-case' }));
    const { status, rejections } = await importText(lines.join('\n'));
    // Lines are numbered from 1: the broken contact moved down one by the line inserted at index 3 when it came after it.
    const contactLine = contact >= 3 ? contact + 2 : contact + 1;
    expect(rejections.map((rejection: { line: number; problem: { status: number; errors?: Array<{ field: string }> } }) => [rejection.line, rejection.problem.status, rejection.problem.errors?.[0].field])).toEqual(
      [
        [4, 400, 'line'],
        [contactLine, 400, 'data.channel'],
        [32, 400, 'caseId'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(status.tally).toMatchObject({ linesRead: 32, rejected: 3, accepted: 29 });
  });

  it('goes through lines near the length limit, each refused for its own fault, without holding them all', async () => {
    // 40 lines of 900 KB: 36 MB, more than the validation thread's heap would hold at once.
    const long = records.slice(0, 40).map((record) => JSON.stringify({ ...record, recordedBy: 'x'.repeat(900_000) }));
    const { status, rejections } = await importText(long.join('\n'));
    expect(status).toMatchObject({ state: 'completed', tally: { linesRead: 40, rejected: 40, accepted: 0 } });
    expect(rejections.map((rejection: { line: number; problem: { errors: Array<{ field: string }> } }) => [rejection.line, rejection.problem.errors[0].field])).toEqual(
      Array.from({ length: 40 }, (_, index) => [index + 1, 'recordedBy']),
    );
  });

  it('fails on a truncated gzip file, naming the last line stored, with the lines before it stored', async () => {
    const whole = gzipSync(asText(records));
    const path = join(folder, `file-${++sequence}.ndjson.gz`);
    writeFileSync(path, whole.subarray(0, whole.length - 20));
    const journal = new ImportJournal(join(folder, `import-${sequence}`));
    journal.create(newImportStatus(`import-${sequence}`, OPERATOR, { format: 'ndjson', fileName: 'file.ndjson.gz', bytesTotal: whole.length - 20, dryRun: false }, NOW));
    const status = await processImport(journal, path, services, { batchSize: 50, validationThread }, ndjsonSource);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/^the gzip data ends early: the file is truncated \(after line \d+, the last stored\)$/);
    const lastStored = Number(/after line (\d+)/.exec(status.error!)![1]);
    expect(lastStored).toBe(status.tally.linesRead);
    expect(status.tally.accepted).toBe(lastStored);
  });

  it("records an agency system's lines as its own, and refuses another agency's record the way the API does (403, naming the field)", async () => {
    const police: Principal = { subject: 'police-anglia-system', roles: ['agency-system'], agency: 'Police', areas: ['Anglia', 'Wessex'], sourceSystems: ['Athena', 'Niche RMS'] };
    const withCps = generated.find((one) => one.events.some((event) => event.metadata.agency === 'CPS'))!;
    const first = records.filter((record) => record.caseId === withCps.caseId);
    const cpsLine = first.findIndex((record) => record.agency === 'CPS');
    const { rejections } = await importText(asText(first), police);
    expect(rejections[0]).toMatchObject({ line: cpsLine + 1, problem: { status: 403, field: 'agency' } });
    const [stored] = await store.readAll();
    expect(stored.metadata).toMatchObject({ agency: 'Police', recordedBy: 'police-anglia-system' });
  });
});

describe('a CSV extract through its mapping', () => {
  const SAMPLES = join(__dirname, 'mappings', 'samples');
  const police = { sourceSystem: 'Athena', agency: 'Police' };
  const caseOf = (reference: string) => derivedCaseId(recordKey({ sourceSystem: 'Athena', sourceReference: reference })!);
  const victimOf = (reference: string) => derivedVictimId(caseOf(reference), 'reference:V1');

  /** The police sample, written by hand as the NDJSON an agency would send: its London times turned to UTC by hand (BST is UTC+1 until 26 October 2025, 02:00). */
  const equivalentNdjson = [
    { type: 'CrimeReported', ...police, caseId: caseOf('ATH-25-000101'), sourceReference: 'ATH-25-000101', occurredAt: '2025-07-14T21:15:00.000Z', urn: '47WX0000101', area: 'Wessex', offence: { description: 'Assault occasioning actual bodily harm', category: 'violence' }, victims: [{ victimId: victimOf('ATH-25-000101'), kind: 'person', name: 'Sam Carter', dateOfBirth: '1990-02-03', phone: '07700 900123', contactPreference: 'phone', consentToReferral: true }] },
    { ...police, caseId: caseOf('ATH-25-000101'), sourceReference: 'ATH-25-000101-C1', occurredAt: '2025-07-15T08:30:00.000Z', type: 'VictimInformed', data: { victimId: victimOf('ATH-25-000101'), topic: 'crime-report-confirmation', channel: 'phone' } },
    // 01:30 on the night the clocks went back happened twice; the first, in BST, is 00:30 UTC.
    { type: 'CrimeReported', ...police, caseId: caseOf('ATH-25-000102'), sourceReference: 'ATH-25-000102', occurredAt: '2025-10-26T00:30:00.000Z', urn: '47WX0000102', area: 'Wessex', offence: { description: 'Burglary of a shop', category: 'burglary' }, victims: [{ victimId: victimOf('ATH-25-000102'), kind: 'business', name: 'Corner Stores Ltd, Fenbury', contactName: 'Priya Shah', email: 'priya@example.org', contactPreference: 'email', consentToReferral: false }] },
    { ...police, caseId: caseOf('ATH-25-000102'), sourceReference: 'ATH-25-000102-C1', occurredAt: '2025-10-27T10:05:00.000Z', type: 'VictimInformed', data: { victimId: victimOf('ATH-25-000102'), topic: 'vps-offered', channel: 'email' } },
    { type: 'CrimeReported', ...police, caseId: caseOf('ATH-25-000103'), sourceReference: 'ATH-25-000103', occurredAt: '2025-11-03T18:45:00.000Z', urn: '47WX0000103', area: 'Wessex', offence: { description: 'Theft from the person, "snatch"', category: 'theft' }, victims: [{ victimId: victimOf('ATH-25-000103'), kind: 'person', name: 'Jo Bell', dateOfBirth: '1975-11-11', email: 'jo.bell@example.org', contactPreference: 'email', consentToReferral: true }] },
  ];

  interface ImportFile {
    path: string;
    format: 'csv' | 'ndjson';
    mapping?: string;
  }

  /** The events stored by importing the files one after another into one fresh store, and each import's status. */
  async function importedEvents(...files: ImportFile[]) {
    const folder = mkdtempSync(join(tmpdir(), 'cj-import-csv-'));
    const store = SqliteEventStore.inMemory();
    const repository = new CaseStreamRepository(store, loadConfiguration({}));
    const configuration = loadConfiguration({});
    const services = { recorder: new HandoffRecorder(repository, configuration, new PersonalDataVault(new InMemoryVictimKeyStore())), repository, configuration, clock: { now: () => NOW } };
    try {
      const statuses = [];
      const rejections: unknown[] = [];
      for (const [index, { path, format, mapping }] of files.entries()) {
        const journal = new ImportJournal(join(folder, `import-${index}`));
        journal.create(newImportStatus(`import-${index}`, OPERATOR, { format, fileName: 'extract', bytesTotal: 1, dryRun: false, ...(mapping && { mapping }) }, NOW));
        statuses.push(await processImport(journal, path, services, {}, sourceFor(format, mapping)));
        rejections.push(...readFileSync(journal.rejectionsPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
      }
      // The sealed details' random parts differ between any two sealings; everything else must be the same.
      const events = (await store.readAll()).map(({ id, streamId, type, revision, data, metadata }) => ({ id, streamId, type, revision, data: JSON.parse(JSON.stringify(data).replace(/"(iv|ciphertext|authTag)":"[^"]*"/g, '"$1":"…"')), metadata }));
      return { statuses, rejections, events };
    } finally {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it('gives the same events as the equivalent NDJSON', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cj-import-equivalent-'));
    try {
      const ndjsonPath = join(folder, 'police.ndjson');
      writeFileSync(ndjsonPath, equivalentNdjson.map((line) => JSON.stringify(line)).join('\n'));
      const fromCsv = await importedEvents({ path: join(SAMPLES, 'police-crime-extract.csv'), format: 'csv', mapping: 'police-crime-extract' });
      const fromNdjson = await importedEvents({ path: ndjsonPath, format: 'ndjson' });
      expect(fromCsv.statuses[0].tally).toEqual({ linesRead: 5, accepted: 5, replayed: 0, rejected: 0 });
      expect(fromCsv.events).toHaveLength(5);
      expect(fromCsv.events).toEqual(fromNdjson.events);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  /** A court lists a charged case only: the CPS's charge of the police sample's first case, between the two extracts. */
  const chargeNdjson = [
    { caseId: caseOf('ATH-25-000101'), sourceSystem: 'CPS CMS', agency: 'CPS', sourceReference: 'CMS-47WX0000101-D1', occurredAt: '2025-07-16T09:00:00.000Z', type: 'ChargeDecisionMade', data: { decision: 'charge', decidedBy: 'CPS', charges: [{ chargeId: 'CHG-1', offence: { description: 'Assault occasioning actual bodily harm', category: 'violence' } }] } },
  ];
  /** The court sample, written by hand as the NDJSON Common Platform would send for the police sample's first case (its times in BST, UTC+1). */
  const court = { sourceSystem: 'Common Platform', agency: 'HMCTS', caseId: caseOf('ATH-25-000101') };
  const courtNdjson = [
    { ...court, sourceReference: 'CP-47WX0000101-L1', occurredAt: '2025-07-16T13:20:00.000Z', type: 'HearingListed', data: { hearingId: 'HRG-47WX0000101-1', hearingType: 'first', court: "Fenbury Magistrates' Court", courtTier: 'magistrates', scheduledFor: '2025-08-11T09:00:00.000Z' } },
    { ...court, sourceReference: 'CP-47WX0000101-H1', occurredAt: '2025-08-11T11:40:00.000Z', type: 'HearingHeld', data: { hearingId: 'HRG-47WX0000101-1', result: 'effective' } },
  ];

  it('imports the court sample onto the cases the police sample opened: the same events as its NDJSON written by hand', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cj-import-court-'));
    try {
      const ndjsonFile = (name: string, lines: readonly object[]): ImportFile => {
        writeFileSync(join(folder, name), lines.map((line) => JSON.stringify(line)).join('\n'));
        return { path: join(folder, name), format: 'ndjson' };
      };
      const charge = ndjsonFile('charge.ndjson', chargeNdjson);
      const fromCsv = await importedEvents(
        { path: join(SAMPLES, 'police-crime-extract.csv'), format: 'csv', mapping: 'police-crime-extract' },
        charge,
        { path: join(SAMPLES, 'court-results.csv'), format: 'csv', mapping: 'court-results' },
      );
      const fromNdjson = await importedEvents(ndjsonFile('police.ndjson', equivalentNdjson), charge, ndjsonFile('court.ndjson', courtNdjson));
      expect(fromCsv.rejections).toEqual([]);
      expect(fromCsv.statuses[2].tally).toEqual({ linesRead: 2, accepted: 2, replayed: 0, rejected: 0 });
      const hearings = fromCsv.events.filter((event) => event.type.startsWith('Hearing'));
      expect(hearings.map(({ type, streamId, metadata }) => [type, streamId, metadata.agency, metadata.occurredAt])).toEqual([
        ['HearingListed', `case-${caseOf('ATH-25-000101')}`, 'HMCTS', '2025-07-16T13:20:00.000Z'],
        ['HearingHeld', `case-${caseOf('ATH-25-000101')}`, 'HMCTS', '2025-08-11T11:40:00.000Z'],
      ]);
      expect(fromCsv.events).toEqual(fromNdjson.events);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
