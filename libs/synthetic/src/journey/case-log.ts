import type { Agency, CaseEvent, CaseEventData, CaseEventMetadata, CaseEventType } from '@case-journey/domain';
import { CURRENT_SCHEMA_VERSION } from '@case-journey/domain';
import { v5 as uuidv5 } from 'uuid';
import { drawDelay } from '../distributions';
import type { FeedProfile } from '../profile';
import type { Random } from '../random';
import { isoInstant } from '../instants';

/** Fixed namespace of synthetic event ids: uuid v5 of (source system, source reference). */
const EVENT_ID_NAMESPACE = Uint8Array.from(Buffer.from('5b0c6d1e2f3a4b5c8d9e0f1a2b3c4d5e', 'hex'));

/** The id of the event a source system delivers under its own reference: the same delivery, the same id. */
export const eventIdOf = (sourceSystem: string, sourceReference: string): string =>
  uuidv5(Buffer.from(`${sourceSystem}\n${sourceReference}`, 'utf8'), EVENT_ID_NAMESPACE);

/** An event as the generator holds it: the event, and when it reached this system (ms) to order by. */
export interface Entry {
  event: CaseEvent;
  recordedMs: number;
  occurredMs: number;
  /** Generation order: a cause is always generated before its effects, so it breaks ties causally. */
  seq: number;
  /** Delivered a second time after this many further deliveries of the case. */
  redeliveredAfter?: number;
}

export interface Occurrence {
  occurredMs: number;
  agency: Agency;
  /** The event this one follows from: it is recorded no earlier, and cited as the causation. */
  after?: Entry;
  receivedMs?: number;
}

export interface CaseLogSettings {
  caseId: string;
  feeds: FeedProfile;
  /** The source system of each agency's feed. */
  sourceSystems: Readonly<Record<Agency, string>>;
  /** Who keys each agency's records, by staff number. */
  staffPrefix: Readonly<Record<Agency, string>>;
}

const iso = isoInstant;

/**
 * One case's events as its agencies' feeds deliver them. Each event is recorded a little after it
 * happened (some days after), never before what it follows from, so that any prefix in recording
 * order is a case the journey's rules accept.
 */
export class CaseLog {
  readonly entries: Entry[] = [];

  constructor(
    private readonly settings: CaseLogSettings,
    private readonly random: Random,
  ) {}

  record<T extends CaseEventType>(type: T, data: CaseEventData<T>, at: Occurrence): Entry {
    const { feeds } = this.settings;
    const happened = Math.max(at.occurredMs, at.receivedMs ?? at.occurredMs);
    const lag = this.random.chance(feeds.lateRecorded) ? drawDelay(this.random, feeds.lateRecordedAfter) : drawDelay(this.random, feeds.recordedAfter);
    const first = this.entries[0];
    const recordedMs = Math.max(Math.ceil(happened + lag), at.after?.recordedMs ?? 0, first?.recordedMs ?? 0);
    const event = { type, data, metadata: this.metadata(at, recordedMs) } as CaseEvent;
    const entry: Entry = { event, recordedMs, occurredMs: at.occurredMs, seq: this.entries.length };
    this.entries.push(entry);
    return entry;
  }

  /** The same facts keyed a second time, under a new source reference (hence a new event id). */
  rekey(original: Entry, recordedMs: number): Entry {
    const { agency, receivedAt, causationId } = original.event.metadata;
    const receivedMs = receivedAt === undefined ? undefined : Date.parse(receivedAt);
    const metadata = this.metadata({ occurredMs: original.occurredMs, agency, receivedMs }, recordedMs, causationId);
    const entry: Entry = { event: { ...original.event, metadata } as CaseEvent, recordedMs, occurredMs: original.occurredMs, seq: this.entries.length };
    this.entries.push(entry);
    return entry;
  }

  /** What was delivered by `nowMs`, in recording order, with each re-delivery after the deliveries it followed. */
  deliveredBy(nowMs: number): CaseEvent[] {
    const delivered = this.entries.filter((entry) => entry.recordedMs <= nowMs).sort((a, b) => a.recordedMs - b.recordedMs || a.seq - b.seq);
    const out: CaseEvent[] = [];
    const pending: Array<{ event: CaseEvent; after: number }> = [];
    for (const entry of delivered) {
      out.push(entry.event);
      for (let i = pending.length - 1; i >= 0; i--) {
        if (--pending[i].after <= 0) out.push(pending.splice(i, 1)[0].event);
      }
      if (entry.redeliveredAfter !== undefined) pending.push({ event: entry.event, after: entry.redeliveredAfter });
    }
    for (const { event } of pending) out.push(event);
    return out;
  }

  private metadata(at: Occurrence, recordedMs: number, causationId = at.after?.event.metadata.eventId): CaseEventMetadata {
    const sourceSystem = this.settings.sourceSystems[at.agency];
    const sourceReference = `${this.settings.caseId}/${this.entries.length + 1}`;
    const metadata: CaseEventMetadata = {
      eventId: eventIdOf(sourceSystem, sourceReference),
      schemaVersion: CURRENT_SCHEMA_VERSION,
      occurredAt: iso(at.occurredMs),
      recordedAt: iso(recordedMs),
      agency: at.agency,
      recordedBy: `${this.settings.staffPrefix[at.agency]}${String(this.random.integer(1, 24)).padStart(2, '0')}`,
      sourceSystem,
      sourceReference,
    };
    if (at.receivedMs !== undefined) metadata.receivedAt = iso(at.receivedMs);
    if (causationId !== undefined) metadata.causationId = causationId;
    return metadata;
  }
}
