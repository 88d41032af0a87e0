/** Translation between the port's events and the EventStoreDB client's. */
import { jsonEvent, type AllStreamRecordedEvent, type EventData, type JSONType, type RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { commitPositionOf } from './eventstoredb-positions';

export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata,
  });
}

export function toRecordedEvent(event: ClientRecordedEvent | AllStreamRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    revision: event.revision,
    position: commitPositionOf(event.id, event.position),
    data: event.data,
    metadata: isRecord(event.metadata) ? event.metadata : {},
    created: event.created,
  };
}

/** EventStoreDB's own events ($-prefixed streams or types) are not case events: reads of $all skip them. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value);
}
