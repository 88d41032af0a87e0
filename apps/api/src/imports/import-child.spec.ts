import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '@case-journey/access';
import type { VictimPersonalData } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { loadConfiguration } from '@case-journey/platform';
import { DEMO_PROFILE, generateCases, requestRecords } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { RecordingSealer } from '../../../../libs/synthetic/src/testing/recording-sealer';
import { ChildStderr, importInChild, ImportProcessFailedError, type ChildMessage } from './import-child';
import { ImportJournal, newImportStatus } from './import-journal';
import { statusAfterProcessDied } from './import-jobs';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const OPERATOR: Principal = { subject: 'ops.lee', roles: ['admin'], areas: [], sourceSystems: [] };
const MIB = 2 ** 20;

describe('an import run in a process of its own', () => {
  const sealer = new RecordingSealer();
  const generated = [...generateCases(DEMO_PROFILE, { seed: 7, cases: 12, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: sealer.seal })];
  const details = new Map<string, VictimPersonalData>(sealer.sealed.map(({ victimId, details: sealed }) => [victimId, sealed]));
  const records = [...requestRecords(generated, (victimId) => details.get(victimId))];
  // One broken line: its rejection is written with the checkpoint, so it shows whether the checkpoint was.
  const text = `${['{broken', ...records.map((record) => JSON.stringify(record))].join('\n')}\n`;
  const lines = records.length + 1;

  let dataDirectory: string;
  let journal: ImportJournal;
  const configuration = () => loadConfiguration({ DATA_DIR: dataDirectory });

  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'cj-import-child-'));
    journal = new ImportJournal(join(dataDirectory, 'imports', 'one'));
    journal.create(newImportStatus('one', OPERATOR, { format: 'ndjson', fileName: 'one.ndjson', bytesTotal: text.length, dryRun: false }, NOW));
    writeFileSync(journal.uploadPath, text);
  });
  afterEach(() => rmSync(dataDirectory, { recursive: true, force: true }));

  const storedEvents = async () => {
    const store = SqliteEventStore.open({ dataDirectory });
    try {
      return (await store.readAll()).length;
    } finally {
      await store.close();
    }
  };
  const rejections = () => readFileSync(journal.rejectionsPath, 'utf8').split('\n').filter(Boolean);

  it('given an import, when run in a child, then it runs in another pid under the importer heap flags, asks before its checkpoint, and stores every record', async () => {
    let started: Extract<ChildMessage, { kind: 'started' }> | undefined;
    let asked = 0;
    const status = await importInChild('one', configuration(), { onStarted: (message) => (started = message), stillOwned: async () => void (asked += 1) });

    expect(status).toMatchObject({ state: 'completed', tally: { linesRead: lines, accepted: records.length, rejected: 1 } });
    expect(journal.read()).toMatchObject({ state: 'completed', checkpoint: { line: lines } });
    expect(started!.pid).not.toBe(process.pid);
    expect(started!.compiled).toBe(true); // dist/, built before the fork
    // --max-old-space-size=128 and 4 MiB semi-spaces: V8's limit is the old space plus three semi-spaces (12 MiB) and a little.
    expect(started!.heapSizeLimit).toBeGreaterThanOrEqual(128 * MIB);
    expect(started!.heapSizeLimit).toBeLessThan(150 * MIB);
    expect(asked).toBe(1); // one batch: fewer lines than a batch holds
    expect(rejections()).toHaveLength(1);
    expect(await storedEvents()).toBeGreaterThan(0);
  }, 120_000);

  it('given IMPORT_HEAP_MB, then the child is given that old space', async () => {
    process.env.IMPORT_HEAP_MB = '96';
    try {
      let limit = 0;
      await importInChild('one', configuration(), { onStarted: (message) => (limit = message.heapSizeLimit) });
      expect(limit).toBeGreaterThanOrEqual(96 * MIB);
      expect(limit).toBeLessThan(128 * MIB);
    } finally {
      delete process.env.IMPORT_HEAP_MB;
    }
  }, 120_000);

  it('given the job lost (the checkpoint refused), then the child stops without writing the checkpoint or its rejections, and a run that holds the job finishes it with every record stored once', async () => {
    const lost = new Error('the job lock lapsed');
    await expect(importInChild('one', configuration(), { stillOwned: () => Promise.reject(lost) })).rejects.toBe(lost);

    // The batch was stored before the question; nothing written after it.
    expect(journal.read()).toMatchObject({ state: 'running', checkpoint: { line: 0, rejectionsBytes: 0 } });
    expect(rejections()).toHaveLength(0);
    const stored = await storedEvents();
    expect(stored).toBeGreaterThan(0);

    const finished = await importInChild('one', configuration());
    expect(finished).toMatchObject({ state: 'completed', tally: { linesRead: lines, accepted: 0, replayed: records.length, rejected: 1 } });
    expect(rejections()).toHaveLength(1);
    expect(await storedEvents()).toBe(stored);
  }, 120_000);

  it('given the child killed while it waits for its checkpoint, then the run fails naming the signal, and nothing after the batch was written', async () => {
    let pid = 0;
    const run = importInChild('one', configuration(), {
      onStarted: (message) => (pid = message.pid),
      stillOwned: () => {
        process.kill(pid, 'SIGKILL');
        return new Promise(() => undefined);
      },
    });
    await expect(run).rejects.toThrow(new ImportProcessFailedError("the import's process was killed (SIGKILL)"));
    expect(journal.read()).toMatchObject({ state: 'running', checkpoint: { line: 0 } });
  }, 120_000);

  it("given a heap too small for the importer, then the run fails saying it ran out of memory, and V8's last words are passed on to this process's stderr", async () => {
    // Caught here, not written: a jest worker whose stderr carries V8's out-of-memory words is taken for one that ran out itself.
    const passedOn: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => passedOn.push(chunk.toString()) > 0);
    process.env.IMPORT_HEAP_MB = '8';
    try {
      await expect(importInChild('one', configuration())).rejects.toThrow(/ran out of memory/);
    } finally {
      delete process.env.IMPORT_HEAP_MB;
      write.mockRestore();
    }
    expect(passedOn.join('')).toMatch(/JavaScript heap out of memory/);
  }, 120_000);
});

describe("what an import's process wrote to stderr", () => {
  const FATAL = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n';
  // V8's native stack trace after its words: 30 frames of 100 characters, 3,000 in all.
  const STACK = Array.from({ length: 30 }, (_, frame) => `${String(frame + 1).padStart(2)}: 0x10c69a6 ${'v8::internal::Factory'.padEnd(85, '.')}\n`).join('');

  it('given the fatal words and a stack trace longer than the kept end in one chunk, then it ran out of memory, and the tail is the last 2,048 characters', () => {
    const stderr = new ChildStderr();
    stderr.hear(FATAL + STACK);
    expect(STACK.length).toBe(3000);
    expect(stderr.outOfMemory).toBe(true);
    expect(stderr.tail).toBe(STACK.slice(3000 - 2048));
  });

  it('given the fatal words split between two chunks, then it ran out of memory', () => {
    const stderr = new ChildStderr();
    stderr.hear(FATAL.slice(0, 40));
    stderr.hear(FATAL.slice(40) + STACK);
    expect(stderr.outOfMemory).toBe(true);
  });

  it('given a stack trace without the words, then it did not run out of memory', () => {
    const stderr = new ChildStderr();
    stderr.hear('Error: the store is closed\n' + STACK);
    expect(stderr.outOfMemory).toBe(false);
  });
});

describe("an import's status once its process died", () => {
  const running = { ...newImportStatus('one', OPERATOR, { format: 'ndjson', fileName: 'one.ndjson', bytesTotal: 10, dryRun: false }, NOW), state: 'running' as const };
  const died = new ImportProcessFailedError("the import's process was killed (SIGKILL)");

  it('given attempts left, then it is queued again, saying why it stopped and that it resumes', () => {
    expect(statusAfterProcessDied(running, died, false, NOW)).toMatchObject({ state: 'queued', error: "the import's process was killed (SIGKILL); to be tried again from the checkpoint" });
  });

  it('given its last attempt, then it failed, saying why', () => {
    expect(statusAfterProcessDied(running, died, true, NOW)).toMatchObject({ state: 'failed', error: "the import's process was killed (SIGKILL)", finishedAt: NOW.toISOString() });
  });

  it('given it completed meanwhile, then it stays completed', () => {
    const completed = { ...running, state: 'completed' as const };
    expect(statusAfterProcessDied(completed, died, true, NOW)).toBe(completed);
  });
});
