/**
 * An in-process gRPC server speaking the part of EventStoreDB's protocol that
 * `@eventstore/db-client` 6.2.1 uses for appends, reads and $all subscriptions, over an
 * in-memory log. Insecure, and reached as a single node: the connection string makes the client
 * skip gossip. A second server can join the first as another node of one cluster, sharing its
 * log; `faults` then makes either one a follower, and does what a failing cluster does.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { appendHandler, batchAppendHandler } from './append';
import { EventLog } from './event-log';
import { NodeFaults } from './faults';
import { FrontDoor } from './front-door';
import type { Node } from './node';
import { NodeRole, type Endpoint } from './node-role';
import { readHandler } from './read';
import { supportedMethodsHandler } from './server-features';

export interface EventStoreDbTestServerOptions {
  /** Advertise Streams/BatchAppend, so that the client appends through it (the default), or only Streams/Append. */
  batchAppend?: boolean;
  /** Source of each event's `created` instant. */
  clock?: () => Date;
  /** Serve the log of this node, as a second node of its cluster. */
  joining?: EventStoreDbTestServer;
}

export interface EventStoreDbTestServer {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  /** Where clients reach this node: what a follower names as the leader. */
  readonly endpoint: Endpoint;
  readonly faults: NodeFaults;
  /** Appends this node wrote to the log. */
  readonly writes: number;
  stop(): Promise<void>;
}

const logs = new WeakMap<EventStoreDbTestServer, EventLog>();

/** What a fresh node has written to $all before any user event. */
const SYSTEM_EVENTS = [
  { streamId: '$epoch-information', type: '$epoch-information' },
  { streamId: '$users', type: '$User' },
  { streamId: '$user-admin', type: '$UserCreated' },
  { streamId: '$settings', type: '$settings' },
] as const;

export async function startEventStoreDbTestServer(options: EventStoreDbTestServerOptions = {}): Promise<EventStoreDbTestServer> {
  const shared = options.joining && logs.get(options.joining);
  const log = shared ?? new EventLog(options.clock);
  if (!shared) seedSystemEvents(log);
  const server = new Server();
  server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethodsHandler(options.batchAppend ?? true) });
  const grpcPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  const door = await FrontDoor.open(grpcPort);
  const role = new NodeRole();
  const node: Node = { log, role, faults: new NodeFaults(door, role), writes: 0 };
  server.addService(StreamsService, {
    read: readHandler(node),
    append: appendHandler(node),
    batchAppend: batchAppendHandler(node),
  });
  const started: EventStoreDbTestServer = {
    connectionString: `esdb://127.0.0.1:${door.port}?tls=false`,
    endpoint: { host: '127.0.0.1', port: door.port },
    faults: node.faults,
    get writes() {
      return node.writes;
    },
    stop: async () => {
      // Subscriptions and BatchAppend hold calls open for ever: a graceful shutdown would wait on them.
      server.forceShutdown();
      await door.close();
    },
  };
  logs.set(started, log);
  return started;
}

function seedSystemEvents(log: EventLog): void {
  for (const { streamId, type } of SYSTEM_EVENTS) {
    const data = Buffer.from(JSON.stringify({ system: true }));
    log.append(streamId, 'any', [{ id: randomUUID(), type, contentType: 'application/json', data, customMetadata: new Uint8Array() }]);
  }
}
