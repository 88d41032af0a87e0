import { Inject, Injectable } from '@nestjs/common';
import { caseStateFrom, caseStreamId, upcast, type CaseEvent, type CaseState } from '@case-journey/domain';
import {
  EVENT_STORE,
  StreamNotFoundError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '@case-journey/event-store';

/** A case's stream as stored, and its events lifted to the current schema. */
export interface CaseStream {
  caseId: string;
  recorded: RecordedEvent[];
  events: CaseEvent[];
  /** Revision of the last event in the case's stream. */
  revision: bigint;
}

/** The stream folded into the case's state. */
export interface LoadedCase extends CaseStream {
  state: CaseState;
}

/** Reads a case's stream into its state, and appends the events a decision gave. */
@Injectable()
export class CaseStreamRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(caseId: string): Promise<CaseStream | undefined> {
    let recorded: RecordedEvent[];
    try {
      recorded = await this.store.readStream(caseStreamId(caseId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return { caseId, recorded, events: recorded.map((event) => upcast(event)), revision: recorded[recorded.length - 1].revision };
  }

  async load(caseId: string): Promise<LoadedCase | undefined> {
    const stream = await this.read(caseId);
    return stream && { ...stream, state: caseStateFrom(stream.events) };
  }

  append(caseId: string, events: readonly CaseEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return this.store.append(caseStreamId(caseId), events.map(toAppend), { expectedRevision });
  }

  /** Several cases' events at once (one transaction in the embedded store), each case at the revision its events were decided on. */
  appendMany(writes: ReadonlyArray<{ caseId: string; events: readonly CaseEvent[]; expectedRevision: ExpectedRevision }>): Promise<AppendResult[]> {
    return this.store.appendMany(writes.map(({ caseId, events, expectedRevision }) => ({ streamId: caseStreamId(caseId), events: events.map(toAppend), expectedRevision })));
  }
}

const toAppend = (event: CaseEvent): EventToAppend => ({
  id: event.metadata.eventId,
  type: event.type,
  data: event.data,
  metadata: event.metadata as unknown as Record<string, unknown>,
});
