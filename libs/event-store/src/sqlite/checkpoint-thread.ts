import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** When the checkpoint thread copies the write-ahead log back into the database file. */
export interface CheckpointPacing {
  /** Pages the log may hold before the thread copies it back (the writer's own `wal_autocheckpoint` would have been this). */
  walPages: number;
  /** How often the thread looks at the log's size, in ms. */
  pollMs: number;
}

/** What the checkpoint thread is given. */
export interface CheckpointThreadData {
  path: string;
  /** Bytes of log from which the thread checkpoints. */
  walBytes: number;
  /** Bytes of log from which it checkpoints with RESTART, holding the writer back until the log starts again from its beginning. */
  walLimitBytes: number;
  pollMs: number;
  busyTimeoutMs: number;
}

export type CheckpointThreadMessage = { kind: 'failed'; error: string };

/** A log frame: a page and its 24-byte header. The log's own 32-byte header is left out. */
const frameBytes = (pageBytes: number) => pageBytes + 24;
/**
 * The log a restart leaves on disk (`journal_size_limit`): the writer cuts the file back to this,
 * or to what its first commit wrote, whichever is more, so the file's size is the log's own.
 */
const LOG_KEPT_BYTES = 1 << 20;
/** The log is copied back with RESTART, holding the writer back, if it ever grows to this many times its pace. */
const LIMIT_FACTOR = 4;

const WORKER_FILE = join(__dirname, `checkpoint.worker${extname(__filename)}`);

/** Run from TypeScript (swc at run time, jest): the thread compiles its module the same way. */
const workerArgs = (): string[] | undefined =>
  extname(__filename) === '.ts' && !process.execArgv.some((arg) => arg.includes('@swc-node/register')) ? [...process.execArgv, '--require', '@swc-node/register'] : undefined;

/**
 * Copies the write-ahead log back into the database file on a thread of its own, with a second
 * connection, instead of inside the writer's commits. The writer's automatic checkpoint is turned
 * off; the thread looks at the log file's size every `pollMs` and, once it holds `walPages`, runs
 * `wal_checkpoint(PASSIVE)` until every frame is copied (a passive checkpoint never waits on the
 * writer, nor the writer on it). The writer's next transaction then starts the log again from its
 * beginning, and its first commit cuts the file back (`journal_size_limit`). Should the log ever
 * reach four times `walPages` all the same (a restart always missed), the thread checkpoints with
 * RESTART, which waits for the writer and holds it back until done. If the thread fails, the writer
 * takes its checkpoints back. Crash safety is SQLite's: a checkpoint copies only committed frames
 * and syncs the log before the file, whichever connection runs it.
 */
export class CheckpointThread {
  private stopping = false;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly writer: Database.Database,
    private readonly walPages: number,
  ) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    const takeBack = () => {
      if (this.stopping || !writer.open) return;
      this.stopping = true;
      writer.pragma(`wal_autocheckpoint = ${this.walPages}`);
    };
    worker.on('message', (message: CheckpointThreadMessage) => {
      process.emitWarning(`The event store's checkpoint thread failed (${message.error}); the writer checkpoints again.`);
      takeBack();
    });
    worker.on('error', (error: Error) => {
      process.emitWarning(`The event store's checkpoint thread failed (${error.message}); the writer checkpoints again.`);
      takeBack();
    });
    worker.on('exit', takeBack);
    // Never what keeps a process alive: its store is closed, or the process is ending anyway.
    worker.unref();
  }

  /** Hands the checkpoints of the database `writer` has open at `path` to a new thread. */
  static start(writer: Database.Database, path: string, pacing: CheckpointPacing, busyTimeoutMs: number): CheckpointThread {
    const pageBytes = writer.pragma('page_size', { simple: true }) as number;
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`journal_size_limit = ${LOG_KEPT_BYTES}`);
    const walBytes = pacing.walPages * frameBytes(pageBytes);
    const workerData: CheckpointThreadData = { path, walBytes, walLimitBytes: LIMIT_FACTOR * walBytes, pollMs: pacing.pollMs, busyTimeoutMs };
    // No heap limits of its own: it holds next to nothing (better-sqlite3 and a timer), and under swc at run time the compiler's
    // own modules need more than a small cap gives (a 16 MiB one ran out); under the importer's heap flags V8 uses the process's anyway.
    const worker = new Worker(WORKER_FILE, { workerData, execArgv: workerArgs() });
    return new CheckpointThread(worker, writer, pacing.walPages);
  }

  /** Stops the thread and closes its connection; the writer checkpoints as before (and at its own close). */
  async stop(): Promise<void> {
    this.stopping = true;
    // Held while it stops, so that the process waits for its connection to close.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
    if (this.writer.open) this.writer.pragma(`wal_autocheckpoint = ${this.walPages}`);
  }
}
