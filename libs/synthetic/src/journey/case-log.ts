import type { Agency, CaseEvent, CaseEventData, CaseEventMetadata, CaseEventType } from '@case-journey/domain';
import { CURRENT_SCHEMA_VERSION, contentHashOf, derivedCaseId, derivedEventId, recordKey } from '@case-journey/domain';
import { drawDelay } from '../distributions';
import type { FeedProfile } from '../profile';
import type { Random } from '../random';
import { isoInstant } from '../instants';

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
  /** The case's own reference in the run; its records are referenced `<caseReference>/1`, `/2`… */
  caseReference: string;
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
  /** Named as the API names a case: after its crime report, which is always the first record, keyed by the police. */
  readonly caseId: string;

  constructor(
    private readonly settings: CaseLogSettings,
    private readonly random: Random,
  ) {
    this.caseId = derivedCaseId(this.keyOf('Police', 1));
  }

  /** The id the next record will carry if `agency` keys it: derived from its source as the API derives it. */
  nextEventId(agency: Agency): string {
    return derivedEventId(this.caseId, this.keyOf(agency, this.entries.length + 1));
  }

  record<T extends CaseEventType>(type: T, data: CaseEventData<T>, at: Occurrence): Entry {
    if (this.entries.length === 0 && (type !== 'CrimeReported' || at.agency !== 'Police')) throw new Error('A case opens with the police’s crime report, which names it');
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

  /**
   * Stamps each record with the hash of its content, as the API stamps what it records, so that a
   * generated record re-sent through the API with other content is refused as the API's own would
   * be. Done once the feed's untidiness is settled: it rewrites some records after keying them.
   */
  stampContentHashes(): void {
    for (const { event } of this.entries) event.metadata.contentHash = contentHashOf(event);
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

  /** Where the case's nth record comes from: the agency's system, under a reference of its own. */
  private sourceOf(agency: Agency, n: number) {
    return { sourceSystem: this.settings.sourceSystems[agency], sourceReference: `${this.settings.caseReference}/${n}` };
  }

  private keyOf(agency: Agency, n: number): string {
    return recordKey(this.sourceOf(agency, n)) as string; // both parts are always given
  }

  private metadata(at: Occurrence, recordedMs: number, causationId = at.after?.event.metadata.eventId): CaseEventMetadata {
    const { sourceSystem, sourceReference } = this.sourceOf(at.agency, this.entries.length + 1);
    const metadata: CaseEventMetadata = {
      eventId: this.nextEventId(at.agency),
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
