import { Inject, Injectable } from '@nestjs/common';
import { caseStateFrom, caseStreamId, upcast, type CaseEvent, type CaseState } from '@case-journey/domain';
import {
  EVENT_STORE,
  StreamNotFoundError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from '@case-journey/event-store';

export interface LoadedCase {
  caseId: string;
  recorded: RecordedEvent[];
  events: CaseEvent[];
  state: CaseState;
  /** Revision of the last event in the case's stream. */
  revision: bigint;
}

/** Reads a case's stream into its state, and appends the events a decision gave. */
@Injectable()
export class CaseStreamRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(caseId: string): Promise<LoadedCase | undefined> {
    let recorded: RecordedEvent[];
    try {
      recorded = await this.store.readStream(caseStreamId(caseId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    const events = recorded.map((event) => upcast(event));
    return {
      caseId,
      recorded,
      events,
      state: caseStateFrom(events),
      revision: recorded[recorded.length - 1].revision,
    };
  }

  append(caseId: string, events: readonly CaseEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return this.store.append(
      caseStreamId(caseId),
      events.map((event) => ({
        id: event.metadata.eventId,
        type: event.type,
        data: event.data,
        metadata: event.metadata as unknown as Record<string, unknown>,
      })),
      { expectedRevision },
    );
  }
}
