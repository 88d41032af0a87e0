import { execFile, fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { BUILD_DIST_ARGUMENTS, entryOf, environmentOf, type AppConfiguration } from '@case-journey/platform';
import type { ImportStatus } from './import-journal';

/**
 * What an import's own process and the process that started it say to each other over IPC. The child
 * asks before each checkpoint (`may-checkpoint`) and writes it only once answered `checkpoint-granted`.
 */
export type ChildMessage =
  | { kind: 'started'; pid: number; heapSizeLimit: number; compiled: boolean }
  | { kind: 'may-checkpoint'; ask: number }
  | { kind: 'progress'; status: ImportStatus }
  | { kind: 'finished'; status: ImportStatus }
  | { kind: 'failed'; error: { name: string; message: string } };

export type ParentMessage = { kind: 'checkpoint-granted'; ask: number } | { kind: 'checkpoint-refused'; ask: number; reason: string };

/**
 * The importer's heap, as the CLI's (`npm run import`): 4 MiB semi-spaces, so that a batch's records
 * die young instead of in the old generation, and an old space of IMPORT_HEAP_MB (128) MiB.
 */
export function importHeapFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return ['--max-semi-space-size=4', `--max-old-space-size=${env.IMPORT_HEAP_MB || 128}`];
}

/**
 * glibc's malloc arenas for the importer, as `npm run import` sets them: two instead of up to eight a
 * core, one for each of its threads. Fewer arenas hold less freed memory: 6-8 MiB less RSS over 150 s
 * of a gigabyte's import (README, the importer's memory).
 */
export const IMPORT_MALLOC_ARENAS = '2';

export interface ChildHooks {
  /** Asked before each checkpoint: rejects if the import is no longer this process's to write (its job's lock lapsed). */
  stillOwned?: () => Promise<void>;
  onProgress?: (status: ImportStatus) => void;
  /** Once the child has loaded: its pid and its heap's limit as V8 gives it. */
  onStarted?: (started: Extract<ChildMessage, { kind: 'started' }>) => void;
  /** Aborted: the child is stopped (SIGTERM), as if it had died. */
  signal?: AbortSignal;
}

/** The import's process ended without finishing: killed, out of memory or failed. The message says which. */
export class ImportProcessFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportProcessFailedError';
  }
}

/** The import's process was refused a checkpoint (the job is no longer this process's) and stopped without writing it. */
export class ImportRefusedCheckpointError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImportRefusedCheckpointError';
  }
}

const ROOT = join(__dirname, '../../../..');
const CHILD_SOURCE = join(__dirname, `import-child.main${extname(__filename)}`);

/**
 * The child's entry: this file's compiled sibling when running compiled; when running from TypeScript
 * (the API under swc, jest), dist/'s, compiled first by the incremental build when it can be (under a
 * second when up to date: swc at run time would cost the child about 90 MiB of its RSS), else the
 * TypeScript itself under @swc-node/register.
 */
async function childEntry(): Promise<{ file: string; execArgv: string[] }> {
  if (extname(__filename) !== '.ts') return { file: CHILD_SOURCE, execArgv: [] };
  const built = await promisify(execFile)(process.execPath, BUILD_DIST_ARGUMENTS).then(
    () => true,
    () => false,
  );
  return entryOf(CHILD_SOURCE, built);
}

/**
 * What the child wrote to stderr: its last 2 KiB, and whether V8 said anywhere that the heap ran out.
 * V8's words come before its native stack trace (some 4 KiB), and a busy parent can read both in one
 * chunk, so the words are looked for in what was heard before the end is cut.
 */
export class ChildStderr {
  tail = '';
  outOfMemory = false;

  hear(chunk: string): void {
    const heard = this.tail + chunk;
    this.outOfMemory ||= /Reached heap limit|JavaScript heap out of memory/.test(heard);
    this.tail = heard.slice(-2048);
  }
}

/** How a process ended, as an operator reads it in the import's status. */
function endOf(code: number | null, signal: NodeJS.Signals | null, stderrTail: string, outOfMemory: boolean): string {
  if (outOfMemory) return `the import's process ran out of memory (its heap is bounded: ${importHeapFlags().join(' ')}) and ended${signal ? ` (${signal})` : ` with exit code ${code}`}`;
  if (signal) return `the import's process was killed (${signal})`;
  return `the import's process ended with exit code ${code}${stderrTail.trim() ? `: ${stderrTail.trim().split('\n').slice(-1)[0]}` : ''}`;
}

/**
 * Runs an import in a process of its own (node:child_process fork) with the importer's bounded heap,
 * so that its memory is neither unbounded nor the API's. The child opens the same stores from the same
 * settings and runs `processImport`; this process keeps the job: before each checkpoint the child asks,
 * `stillOwned` is awaited here (the job's lock extended), and only then does the child write it. If
 * this process goes away, the IPC channel closes and the child stops at once, writing nothing more.
 * Answers the import's final status; rejects with ImportRefusedCheckpointError when refused a
 * checkpoint, and ImportProcessFailedError when the child died (its reason: a signal, running out of
 * memory, an exit code) or its import threw.
 */
export async function importInChild(importId: string, configuration: AppConfiguration, hooks: ChildHooks = {}): Promise<ImportStatus> {
  const entry = await childEntry();
  const child = fork(entry.file, [importId], {
    cwd: ROOT,
    execArgv: [...importHeapFlags(), ...entry.execArgv],
    env: { ...process.env, ...environmentOf(configuration), MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || IMPORT_MALLOC_ARENAS },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'advanced',
    ...(hooks.signal && { signal: hooks.signal }),
  });
  child.on('error', () => undefined); // an abort (the exit says how it ended), or a failed send to a child gone
  const stderr = new ChildStderr();
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderr.hear(chunk.toString());
  });
  let outcome: { status: ImportStatus } | { error: Error } | undefined;
  const answer = (message: ParentMessage) => {
    if (child.connected) child.send(message);
  };
  child.on('message', (message: ChildMessage) => {
    switch (message.kind) {
      case 'started':
        hooks.onStarted?.(message);
        break;
      case 'may-checkpoint':
        (hooks.stillOwned?.() ?? Promise.resolve()).then(
          () => answer({ kind: 'checkpoint-granted', ask: message.ask }),
          (error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            outcome ??= { error: error instanceof Error ? error : new ImportRefusedCheckpointError(reason) };
            answer({ kind: 'checkpoint-refused', ask: message.ask, reason });
          },
        );
        break;
      case 'progress':
        hooks.onProgress?.(message.status);
        break;
      case 'finished':
        outcome ??= { status: message.status };
        break;
      case 'failed':
        outcome ??= { error: new ImportProcessFailedError(`the import's process failed: ${message.error.name}: ${message.error.message}`) };
        break;
    }
  });
  // 'close', not 'exit': every message the child sent has been heard by then.
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
  if (outcome && 'status' in outcome && code === 0) return outcome.status;
  if (outcome && 'error' in outcome) throw outcome.error;
  throw new ImportProcessFailedError(endOf(code, signal, stderr.tail, stderr.outOfMemory));
}
