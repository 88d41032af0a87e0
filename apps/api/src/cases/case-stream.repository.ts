import { Inject, Injectable } from '@nestjs/common';
import { AppConfiguration } from '@case-journey/platform';
import { caseStateAfter, caseStateFrom, caseStreamId, RecentlyUsed, upcast, type CaseEvent, type CaseState } from '@case-journey/domain';
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

/** The stream folded into the case's state, whose ledger holds `events`, in their order (a kept case's `events` is its ledger itself). */
export interface LoadedCase extends CaseStream {
  state: CaseState;
}

/**
 * Reads a case's stream into its state, and appends the events a decision gave.
 *
 * The cases loaded lately are kept folded, by revision: loading one again reads only the events
 * after the kept revision (for a case nobody else wrote to, the store's answer is empty) and folds
 * them on with `evolve`, instead of reading and folding the whole stream on every write. Each
 * load still asks the store, so it sees what other processes appended; a stream's events never
 * change once stored, so what is kept cannot go stale, only fall behind. How many events are kept
 * is a setting (`FOLDED_EVENTS_KEPT`), counted in events since a case's memory grows with them.
 */
@Injectable()
export class CaseStreamRepository {
  private readonly folded: RecentlyUsed<LoadedCase>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AppConfiguration) configuration: Pick<AppConfiguration, 'foldedEventsKept'>,
  ) {
    this.folded = new RecentlyUsed<LoadedCase>(configuration.foldedEventsKept, (loaded) => loaded.events.length);
  }

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
    const known = this.folded.peek(caseId);
    if (!known) {
      const stream = await this.read(caseId);
      if (!stream) return undefined;
      const state = caseStateFrom(stream.events);
      return this.keep({ ...stream, events: state.ledger, state });
    }
    const newer = await this.store.readStream(caseStreamId(caseId), { fromRevision: known.revision + 1n });
    if (newer.length === 0) return this.keep(known);
    const state = caseStateAfter(known.state, newer.map((event) => upcast(event)));
    return this.keep({ caseId, recorded: [...known.recorded, ...newer], events: state.ledger, revision: newer[newer.length - 1].revision, state });
  }

  /** Keeps the case as the most recently loaded. */
  private keep(loaded: LoadedCase): LoadedCase {
    this.folded.keep(loaded.caseId, loaded);
    return loaded;
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
