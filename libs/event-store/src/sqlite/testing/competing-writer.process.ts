/**
 * A separate OS process writing to the same SQLite file, as the API and the worker do in
 * production. Run by the cross-process spec:
 *   node -r @swc-node/register competing-writer.process.ts <dataDirectory> <stream> <writer> <count> <writers> [after-last]
 * It announces itself on a barrier stream, waits until every writer has, then appends <count>
 * single events with optimistic concurrency, retrying on conflicts, and prints how many it met.
 * With `after-last` it appends each through `appendAfterLast` instead, naming the event it was
 * built on, and meets no conflict to retry: a refused write ends it with an error.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { WrongExpectedRevisionError } from '../../event-store.errors';
import { SqliteEventStore } from '../sqlite-event-store';

async function main(): Promise<void> {
  const [dataDirectory, streamId, writer, count, writers, mode] = process.argv.slice(2);
  const store = SqliteEventStore.open({ dataDirectory });
  const barrier = `${streamId}-ready`;
  await store.append(barrier, [{ id: randomUUID(), type: 'WriterReady', data: { writer } }]);
  while ((await store.readStream(barrier)).length < Number(writers)) await pause(1);

  const conflicts = mode === 'after-last' ? await appendAfterLast(store, streamId, writer, Number(count)) : await appendExpecting(store, streamId, writer, Number(count));
  await store.close();
  process.stdout.write(JSON.stringify({ conflicts }));
}

async function appendExpecting(store: SqliteEventStore, streamId: string, writer: string, count: number): Promise<number> {
  let head: bigint | 'no-stream' = 'no-stream';
  let conflicts = 0;
  for (let index = 0; index < count; ) {
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
  return conflicts;
}

async function appendAfterLast(store: SqliteEventStore, streamId: string, writer: string, count: number): Promise<number> {
  for (let index = 0; index < count; index++) {
    await store.appendAfterLast(streamId, (last) => [{ id: randomUUID(), type: 'CompetingWriteRecorded', data: { writer, index, previous: last?.id ?? null } }]);
  }
  return 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
