import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBEventStore, SqliteEventStore } from '@case-journey/event-store';
import { loadConfiguration } from './app-configuration';
import { openEventStore } from './open-event-store';

describe('openEventStore', () => {
  it('opens the embedded SQLite store in the data directory by default', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'store-'));
    const store = await openEventStore(loadConfiguration({ DATA_DIR: dataDirectory }));
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
    } finally {
      await store.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });

  it('opens EventStoreDB when configured (connecting lazily)', async () => {
    const store = await openEventStore(loadConfiguration({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' }));
    expect(store).toBeInstanceOf(EventStoreDBEventStore);
    await store.close();
  });
});
