/**
 * An import's own process, started by `importInChild` (import-child.ts) with the importer's bounded
 * heap: opens the stores the API's settings name (given as its environment), runs `processImport` on
 * the import named by its argument, asks its parent before each checkpoint, and sends its progress and
 * final status. It stops at once, writing nothing more, if its parent goes away (the IPC channel
 * closes): the job is no longer held, and whoever takes it resumes from the last checkpoint.
 */
import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { extname, join } from 'node:path';
import { loadConfiguration } from '@case-journey/platform';
import type { ChildMessage, ParentMessage } from './import-child';
import { ImportRefusedCheckpointError } from './import-child';
import { ImportJournal } from './import-journal';
import { openImporterServices } from './importer-services';
import { processImport } from './process-import';
import { sourceFor } from './record-sources';

/** Exit code when the parent went away: nothing more was written after the last granted checkpoint. */
const PARENT_GONE = 70;

const send = (message: ChildMessage): void => {
  if (process.connected) process.send!(message);
};

process.on('disconnect', () => process.exit(PARENT_GONE));

const asked = new Map<number, { granted: () => void; refused: (reason: string) => void }>();
let asks = 0;
process.on('message', (message: ParentMessage) => {
  const waiting = asked.get(message.ask);
  asked.delete(message.ask);
  if (message.kind === 'checkpoint-granted') waiting?.granted();
  else waiting?.refused(message.reason);
});

/** Asks the parent whether this import is still its job's; resolves once it has extended the job's lock. */
function stillOwned(): Promise<void> {
  const ask = ++asks;
  return new Promise<void>((granted, refuse) => {
    asked.set(ask, { granted, refused: (reason) => refuse(new ImportRefusedCheckpointError(reason)) });
    send({ kind: 'may-checkpoint', ask });
  });
}

async function main(importId: string): Promise<void> {
  const configuration = loadConfiguration();
  const importer = await openImporterServices(configuration);
  try {
    const journal = new ImportJournal(join(configuration.dataDirectory, 'imports', importId));
    const { format, mapping } = journal.read();
    send({ kind: 'started', pid: process.pid, heapSizeLimit: getHeapStatistics().heap_size_limit, compiled: extname(__filename) === '.js' });
    let checkpointed = -1;
    const status = await processImport(journal, journal.uploadPath, importer.services, {
      stillOwned,
      // After each checkpoint only, not as each chunk of bytes is read.
      onProgress: (progress) => {
        if (progress.checkpoint.line === checkpointed) return;
        checkpointed = progress.checkpoint.line;
        send({ kind: 'progress', status: progress });
      },
    }, sourceFor(format, mapping));
    send({ kind: 'finished', status });
  } finally {
    await importer.close();
  }
}

/** Done: the channel closed from this side, not the parent gone. */
function hangUp(): void {
  process.removeAllListeners('disconnect');
  process.disconnect();
}

main(process.argv[2]!).then(hangUp, (error: unknown) => {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  send({ kind: 'failed', error: { name, message } });
  process.exitCode = 1;
  hangUp();
});
