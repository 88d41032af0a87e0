import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@case-journey/event-store';
import { describeEventStoreContract } from '../../libs/event-store/src/testing/event-store.contract';

/** One file reopened by every test: the suite then also runs on a store that is not empty. */
const dataDirectory = mkdtempSync(join(tmpdir(), 'case-journey-events-'));
afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

const openFile = async () => {
  const store = SqliteEventStore.open({ dataDirectory });
  return { store, dispose: () => store.close() };
};

describeEventStoreContract('embedded SQLite (file, reopened per test)', openFile, { openAnother: openFile });

describeEventStoreContract('embedded SQLite (in memory)', async () => {
  const store = SqliteEventStore.inMemory();
  return { store, dispose: () => store.close() };
});
