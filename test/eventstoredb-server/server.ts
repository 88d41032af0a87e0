/**
 * An in-process gRPC server speaking the part of EventStoreDB's protocol that
 * `@eventstore/db-client` 6.2.1 uses for appends, reads and $all subscriptions, over an
 * in-memory log. Insecure, single node: the connection string makes the client skip gossip.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { appendHandler, batchAppendHandler } from './append';
import { EventLog } from './event-log';
import { readHandler } from './read';
import { supportedMethodsHandler } from './server-features';

export interface EventStoreDbTestServerOptions {
  /** Advertise Streams/BatchAppend, so that the client appends through it (the default), or only Streams/Append. */
  batchAppend?: boolean;
  /** Source of each event's `created` instant. */
  clock?: () => Date;
}

export interface EventStoreDbTestServer {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** What a fresh node has written to $all before any user event. */
const SYSTEM_EVENTS = [
  { streamId: '$epoch-information', type: '$epoch-information' },
  { streamId: '$users', type: '$User' },
  { streamId: '$user-admin', type: '$UserCreated' },
  { streamId: '$settings', type: '$settings' },
] as const;

export async function startEventStoreDbTestServer(options: EventStoreDbTestServerOptions = {}): Promise<EventStoreDbTestServer> {
  const log = new EventLog(options.clock);
  seedSystemEvents(log);
  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log),
    append: appendHandler(log),
    batchAppend: batchAppendHandler(log),
  });
  server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethodsHandler(options.batchAppend ?? true) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    // Subscriptions and BatchAppend hold calls open for ever: a graceful shutdown would wait on them.
    stop: async () => server.forceShutdown(),
  };
}

function seedSystemEvents(log: EventLog): void {
  for (const { streamId, type } of SYSTEM_EVENTS) {
    const data = Buffer.from(JSON.stringify({ system: true }));
    log.append(streamId, 'any', [{ id: randomUUID(), type, contentType: 'application/json', data, customMetadata: new Uint8Array() }]);
  }
}
