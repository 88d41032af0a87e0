/** ServerFeatures/GetSupportedMethods: what the client asks on connect to choose BatchAppend or Append. */
import type { handleUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';

const STREAMS_SERVICE = 'event_store.client.streams.streams';
export const ADVERTISED_SERVER_VERSION = '23.10.0';

export function supportedMethodsHandler(batchAppend: boolean): handleUnaryCall<Empty, SupportedMethods> {
  const methods = ['read', 'append', ...(batchAppend ? ['batchappend'] : [])].map((name) =>
    new SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(name),
  );
  return (_call, callback) =>
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(ADVERTISED_SERVER_VERSION));
}
