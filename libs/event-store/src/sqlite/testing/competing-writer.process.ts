/**
 * A separate OS process writing to the same SQLite file, as the API and the worker do in
 * production. Run by the cross-process spec:
 *   node -r @swc-node/register competing-writer.process.ts <dataDirectory> <stream> <writer> <count> <writers>
 * It announces itself on a barrier stream, waits until every writer has, then appends <count>
 * single events with optimistic concurrency, retrying on conflicts, and prints how many it met.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { WrongExpectedRevisionError } from '../../event-store.errors';
import { SqliteEventStore } from '../sqlite-event-store';

async function main(): Promise<void> {
  const [dataDirectory, streamId, writer, count, writers] = process.argv.slice(2);
  const store = SqliteEventStore.open({ dataDirectory });
  const barrier = `${streamId}-ready`;
  await store.append(barrier, [{ id: randomUUID(), type: 'WriterReady', data: { writer } }]);
  while ((await store.readStream(barrier)).length < Number(writers)) await pause(1);

  let head: bigint | 'no-stream' = 'no-stream';
  let conflicts = 0;
  for (let index = 0; index < Number(count); ) {
    const event = { id: randomUUID(), type: 'CompetingWriteRecorded', data: { writer, index } };
    try {
      head = (await store.append(streamId, [event], { expectedRevision: head })).nextExpectedRevision;
      index++;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      head = error.actual;
      conflicts++;
    }
  }
  await store.close();
  process.stdout.write(JSON.stringify({ conflicts }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
