import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { DEMO_PROFILE, generateCases, requestRecords } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { ObligationsProjection } from '../../libs/projections/src/obligations/obligations.projection';
import type { Projection } from '../../libs/projections/src/runner/projection';
import { ProjectionKeys } from '../../libs/projections/src/runner/projection-keys';
import { ProjectionRunner } from '../../libs/projections/src/runner/projection-runner';
import { readModelSnapshot } from '../../libs/projections/src/testing/read-model-snapshot';
import { RedisTestSpace, waitFor } from '../../libs/projections/src/testing/redis-test-space';
import { TimelineProjection } from '../../libs/projections/src/timeline/timeline.projection';
import { RecordingSealer } from '../../libs/synthetic/src/testing/recording-sealer';
import type { ImportStatus } from '../../apps/api/src/imports/import-journal';
import { nodeArgumentsFor } from '../../libs/platform/src/testing/compiled-entry';

const ROOT = join(__dirname, '../..');
const NOW = '2025-12-01T12:00:00.000Z';

/** The import CLI as its own process, on the data folder. */
function importProcess(dataDirectory: string, file: string) {
  const child = spawn(process.execPath, [...nodeArgumentsFor(join(ROOT, 'apps/api/src/imports/import-cli.ts')), file], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** The CLI's journal of the import, once it has one. */
function journalStatus(dataDirectory: string): ImportStatus | undefined {
  const imports = join(dataDirectory, 'imports');
  if (!existsSync(imports)) return undefined;
  const [folder] = readdirSync(imports).filter((name) => name.startsWith('cli-'));
  const path = folder && join(imports, folder, 'status.json');
  return path && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ImportStatus) : undefined;
}

describe('an import killed (SIGKILL) half-way and started again', () => {
  const space = new RedisTestSpace();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-import-crash-'));
  const file = join(dataDirectory, 'demo-requests.ndjson');
  const sealer = new RecordingSealer();
  const generated = [...generateCases(DEMO_PROFILE, { seed: 11, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })];
  const details = new Map<string, VictimPersonalData>(sealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
  const lines = [...requestRecords(generated, (victimId) => details.get(victimId))];
  let store: SqliteEventStore;
  const runners: ProjectionRunner[] = [];

  beforeAll(() => {
    writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    store = SqliteEventStore.open({ dataDirectory, pollIntervalMs: 10 });
  });
  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await store.close();
    await space.dispose();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const follow = (projection: Projection, version: number) => {
    const runner = new ProjectionRunner({ store, redis: space.connection(), projection, keys: new ProjectionKeys(space.prefix, projection.name, version), clock: { now: () => new Date(NOW) }, batchSize: 200 });
    runner.start();
    runners.push(runner);
    return runner;
  };

  it('stores every record exactly once, resuming near where it stopped, and the read models followed live equal a rebuild', async () => {
    // The read models follow the store while the import runs, crashes and resumes.
    const live = [follow(new TimelineProjection(), 1), follow(new ObligationsProjection({ store }), 1)];

    const first = importProcess(dataDirectory, file);
    await waitFor(() => (journalStatus(dataDirectory)?.checkpoint.line ?? 0) >= 1000, 120_000, 'a first batch stored');
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = journalStatus(dataDirectory)!;
    expect(atKill.state).toBe('running');
    expect(atKill.checkpoint.line).toBeLessThan(lines.length);

    const second = importProcess(dataDirectory, file);
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain(`Resuming after line ${atKill.checkpoint.line}`);
    const done = journalStatus(dataDirectory)!;
    expect(done.state).toBe('completed');
    // Lines stored before the kill but after its checkpoint were read again: replayed, not stored again.
    expect(done.tally).toMatchObject({ linesRead: lines.length, rejected: 0 });
    expect(done.tally.accepted + done.tally.replayed).toBe(lines.length);

    const stored = await store.readAll();
    expect(stored).toHaveLength(lines.length);
    expect(new Set(stored.map((event) => event.id)).size).toBe(lines.length);

    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    for (const runner of live) await runner.reached(last.position);
    const rebuilt = [follow(new TimelineProjection(), 2), follow(new ObligationsProjection({ store }), 2)];
    for (const runner of rebuilt) await runner.reached(last.position);
    for (const name of ['timeline', 'obligations']) {
      const followed = await readModelSnapshot(space.connection(), new ProjectionKeys(space.prefix, name, 1));
      const rebuild = await readModelSnapshot(space.connection(), new ProjectionKeys(space.prefix, name, 2));
      expect(Object.keys(followed).length).toBeGreaterThanOrEqual(generated.length);
      expect(followed).toEqual(rebuild);
    }
  }, 300_000);
});
