import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { DEMO_PROFILE, generateCases, requestRecords } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { TestIssuer, type TestIdentity } from '../../apps/api/src/access/testing/test-issuer';
import type { ImportStatus } from '../../apps/api/src/imports/import-journal';
import { DEFAULT_BATCH_LINES } from '../../apps/api/src/imports/import-run';
import { RecordingSealer } from '../../libs/synthetic/src/testing/recording-sealer';
import { waitFor } from '../../libs/projections/src/testing/redis-test-space';
import { dropRedisKeys } from '../e2e/redis-keys';
import { nodeArgumentsFor } from '../../libs/platform/src/testing/compiled-entry';
import { freePort } from '../support/free-port';

const ROOT = join(__dirname, '../..');
const PREFIX = `cjtest-import-handover-${process.pid}`;

/** An API process, as `npm run api` starts it, answering on `port` once ready. */
async function apiProcess(environment: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, nodeArgumentsFor(join(ROOT, 'apps/api/src/main.ts')), {
    cwd: ROOT,
    env: { ...process.env, ...environment, PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  await waitFor(async () => child.exitCode === null && (await fetch(`http://127.0.0.1:${port}/health/live`).then((answer) => answer.ok, () => false)), 120_000, 'the API answering');
  return child;
}

/** The import's own process (`import-child.main`) under the API process `pid` (under one of its cluster's processes), if running. */
function importProcessOf(pid: number): number | undefined {
  const children = (id: number): number[] => {
    try {
      return readdirSync(`/proc/${id}/task`).flatMap((task) => readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      return []; // gone meanwhile
    }
  };
  const descendants = (id: number): number[] => children(id).flatMap((child) => [child, ...descendants(child)]);
  return descendants(pid).find((id) => running(id) && readFileSync(`/proc/${id}/cmdline`, 'utf8').includes('import-child.main'));
}

/** Alive, not a zombie waiting for a parent to reap it. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

describe('an import job whose API process dies (SIGKILL) mid-file', () => {
  const sealer = new RecordingSealer();
  const generated = [...generateCases(DEMO_PROFILE, { seed: 13, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })];
  const details = new Map<string, VictimPersonalData>(sealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
  const lines = [...requestRecords(generated, (victimId) => details.get(victimId))];
  const operator: TestIdentity = { subject: 'ops.lee', roles: ['admin'], areas: [], sourceSystems: [] };
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-import-handover-'));
  const children: ChildProcess[] = [];
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
  });
  afterAll(async () => {
    await Promise.all(children.map((child) => killed(child, 'SIGKILL')));
    await issuer.stop();
    await dropRedisKeys(PREFIX);
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const statusOf = (id: string): ImportStatus | undefined => {
    const path = join(dataDirectory, 'imports', id, 'status.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ImportStatus) : undefined;
  };

  it('is handed by BullMQ to the API process started again, which resumes it from its checkpoint: every record stored once', async () => {
    const environment = { ...issuer.environment, DATA_DIR: dataDirectory, REDIS_KEY_PREFIX: PREFIX, RATE_LIMIT_PER_MINUTE: '100000', JOB_LOCK_MS: '2000', JOB_STALLED_CHECK_MS: '1000' };
    const firstPort = await freePort();
    const first = await apiProcess(environment, firstPort);
    children.push(first);
    const answer = await fetch(`http://127.0.0.1:${firstPort}/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await issuer.token(operator)}`, 'Content-Type': 'application/x-ndjson' },
      body: `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
    });
    expect(answer.status).toBe(202);
    const { id } = (await answer.json()) as { id: string };

    await waitFor(async () => (statusOf(id)?.checkpoint.line ?? 0) >= 2 * DEFAULT_BATCH_LINES, 120_000, 'two batches stored');
    // The import runs in a process of its own under the API process, with the importer's bounded heap.
    const importProcess = importProcessOf(first.pid!);
    expect(importProcess).toBeDefined();
    await killed(first, 'SIGKILL');
    // It stops with the API process that held the job (its IPC channel closed), before another takes the job: never two writers.
    await waitFor(async () => !running(importProcess!), 10_000, "the import's process stopped with the API process");
    const atKill = statusOf(id)!;
    expect(atKill.state).toBe('running');
    expect(atKill.checkpoint.line).toBeLessThan(lines.length);

    children.push(await apiProcess(environment, await freePort()));
    await waitFor(async () => statusOf(id)?.state === 'completed', 180_000, 'the import completed by the second process');
    const done = statusOf(id)!;
    // Lines stored before the kill but after its checkpoint were read again: replayed, not stored again.
    expect(done.tally).toMatchObject({ linesRead: lines.length, rejected: 0 });
    expect(done.tally.accepted + done.tally.replayed).toBe(lines.length);
    // Resumed at the checkpoint, not from the file's start: at most the batch stored after the checkpoint is read again.
    expect(done.tally.replayed).toBeLessThanOrEqual(DEFAULT_BATCH_LINES);

    const store = SqliteEventStore.open({ dataDirectory });
    try {
      const stored = await store.readAll();
      expect(stored).toHaveLength(lines.length);
      expect(new Set(stored.map((event) => event.id)).size).toBe(lines.length);
    } finally {
      await store.close();
    }
  }, 420_000);
});
