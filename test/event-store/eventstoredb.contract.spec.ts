import { EventStoreDBEventStore } from '@case-journey/event-store';
import { describeEventStoreContract } from '../../libs/event-store/src/testing/event-store.contract';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '../eventstoredb-server';

/** One server for the file and a new client per test: the suite then also runs on a store that is not empty. */
let server: EventStoreDbTestServer;
beforeAll(async () => {
  server = await startEventStoreDbTestServer();
});
afterAll(() => server.stop());

const openClient = async () => {
  const store = new EventStoreDBEventStore(server.connectionString);
  return { store, dispose: () => store.close() };
};

describeEventStoreContract('EventStoreDB (in-process protocol server, BatchAppend)', openClient, { openAnother: openClient });

describe('the client without BatchAppend', () => {
  let appendOnly: EventStoreDbTestServer;
  beforeAll(async () => {
    appendOnly = await startEventStoreDbTestServer({ batchAppend: false });
  });
  afterAll(() => appendOnly.stop());

  describeEventStoreContract('EventStoreDB (in-process protocol server, Append)', async () => {
    const store = new EventStoreDBEventStore(appendOnly.connectionString);
    return { store, dispose: () => store.close() };
  });
});

const realServer = process.env.EVENTSTORE_CONNECTION_STRING;
(realServer ? describe : describe.skip)('real EventStoreDB (set EVENTSTORE_CONNECTION_STRING)', () => {
  describeEventStoreContract('EventStoreDB (real server)', async () => {
    const store = new EventStoreDBEventStore(realServer ?? '');
    return { store, dispose: () => store.close() };
  });
});
