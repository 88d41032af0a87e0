/**
 * The embedded store's checkpoint thread: a second connection to the database that copies the
 * write-ahead log back into the file once the log has grown to its pace. See `CheckpointThread`.
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointThreadData, CheckpointThreadMessage } from './checkpoint-thread';

const port = parentPort!;
const { path, walBytes, walLimitBytes, pollMs, busyTimeoutMs } = workerData as CheckpointThreadData;
/** Passive checkpoints in a row, each copying what the writer committed during the one before, until the log is copied whole. */
const CATCH_UP_ROUNDS = 4;

const db = new Database(path, { timeout: busyTimeoutMs, fileMustExist: true });
// The checkpoint copies frames with its own buffer; this connection's page cache holds only the schema.
db.pragma('cache_size = -256');

/** The log file's size: after a restart the writer's first commit cuts it back, so beyond that it is the log's own. */
function logBytes(): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** Copies the log back until every frame is, or a reader still needs some (then on the next look). */
function catchUp(): void {
  for (let round = 0; round < CATCH_UP_ROUNDS; round += 1) {
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
    if (checkpointed >= log) return;
  }
}

function look(): void {
  const bytes = logBytes();
  if (bytes < walBytes) return;
  catchUp();
  // The writer's transactions kept missing the moment the log was copied whole, so it never restarted: hold the writer back once.
  if (bytes >= walLimitBytes) db.pragma('wal_checkpoint(RESTART)');
}

const timer = setInterval(() => {
  try {
    look();
  } catch (error) {
    clearInterval(timer);
    db.close();
    port.postMessage({ kind: 'failed', error: error instanceof Error ? error.message : String(error) } satisfies CheckpointThreadMessage);
    port.close();
  }
}, pollMs);

port.on('message', () => {
  clearInterval(timer);
  db.close();
  port.close();
});
