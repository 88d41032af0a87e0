import { v7 as timeOrderedUuid } from 'uuid';
import {
  chainEntries,
  EMPTY_CHAIN,
  headOf,
  verifyChain,
  type AuditEntry,
  type AuditLog,
  type AuditReading,
  type AuditRecord,
  type AuditWindow,
  type ChainHead,
} from '@case-journey/access';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@case-journey/event-store';

/** The one stream of the audit log: one chain, so its order is the store's order. Not a case stream, so no projection reads it. */
export const AUDIT_STREAM = 'audit-log';
export const AUDIT_EVENT_TYPE = 'AccessAudited';

const PAGE = 1000;
/** How far entries' instants may run out of order (several processes' clocks): a window is looked for this much wider. */
const CLOCK_SPREAD_MS = 60_000;

const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The audit log in its own stream of the event store: as durable as the events, shared by every
 * process that shares the store, and append-only by the store's nature. Each process sends its
 * entries one batch at a time (those recorded in the same turn of the event loop, or while a batch
 * is being appended, go together in the next), chained on the stream's last entry as the store
 * hands it over inside the append (`appendAfterLast`), so another process's entries are never
 * chained over.
 */
export class EventStoreAuditLog implements AuditLog {
  private waiting: Array<{ records: readonly AuditRecord[]; resolve: (entries: AuditEntry[]) => void; reject: (error: unknown) => void }> = [];
  private sending: Promise<void> | undefined;

  constructor(private readonly store: EventStore) {}

  record(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    if (records.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ records, resolve, reject });
      this.startSending();
    });
  }

  /**
   * One batch in flight per process; what arrives meanwhile (even as the sender stops) goes next. A
   * batch is sent at the end of the event loop's turn (setImmediate), so that the entries of every
   * request handled in that turn go in one append (one transaction, one commit) rather than one each:
   * the embedded store appends synchronously, so without the wait a turn's first entry went alone.
   */
  private startSending(): void {
    if (this.sending) return;
    this.sending = endOfTurn().then(() => this.sendWaiting()).finally(() => {
      this.sending = undefined;
      if (this.waiting.length > 0) this.startSending();
    });
  }

  async read({ from, to }: AuditWindow): Promise<AuditReading> {
    const start = from ? await this.firstRevisionFrom(from.getTime() - CLOCK_SPREAD_MS) : 0n;
    if (start === undefined) return { entries: [], verification: verifyChain([], EMPTY_CHAIN) };
    const anchor = start === 0n ? EMPTY_CHAIN : ((await this.entryBefore(start)) ?? EMPTY_CHAIN);
    const entries: AuditEntry[] = [];
    const until = to ? to.getTime() + CLOCK_SPREAD_MS : Infinity;
    for (let next = start; ; ) {
      const page = await this.readFrom(next, PAGE);
      for (const event of page) {
        const entry = event.data as AuditEntry;
        if (Date.parse(entry.at) > until) return { entries, verification: verifyChain(entries, anchor) };
        entries.push(entry);
      }
      if (page.length < PAGE) return { entries, verification: verifyChain(entries, anchor) };
      next = page[page.length - 1].revision + 1n;
    }
  }

  private async sendWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        const entries = await this.append(batch.flatMap((request) => request.records));
        let offset = 0;
        for (const request of batch) {
          request.resolve(entries.slice(offset, offset + request.records.length));
          offset += request.records.length;
        }
      } catch (error) {
        for (const request of batch) request.reject(error);
      }
    }
  }

  private async append(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    const { events } = await this.store.appendAfterLast(AUDIT_STREAM, (last) =>
      // Time-ordered ids, so that the stream's index of ids grows at its end as its revisions do: with random ids
      // each entry landed on a page of that index of its own, which its commit then wrote to the log whole.
      chainEntries(last ? headOf(last.data as AuditEntry) : EMPTY_CHAIN, records).map((entry) => ({ id: timeOrderedUuid(), type: AUDIT_EVENT_TYPE, data: entry })),
    );
    return events.map((event) => event.data as AuditEntry);
  }

  /** The revision of the first entry at or after `instant` (entries are in time order but for clock spread), by bisection. */
  private async firstRevisionFrom(instant: number): Promise<bigint | undefined> {
    const [last] = await this.readBackwards(undefined);
    if (!last) return undefined;
    let low = 0n;
    let high = last.revision + 1n;
    while (low < high) {
      const middle = (low + high) / 2n;
      const [event] = await this.readFrom(middle, 1);
      if (event && Date.parse((event.data as AuditEntry).at) < instant) low = event.revision + 1n;
      else high = middle;
    }
    return low;
  }

  private async entryBefore(revision: bigint): Promise<ChainHead | undefined> {
    const [previous] = await this.readBackwards(revision - 1n);
    return previous && headOf(previous.data as AuditEntry);
  }

  private async readFrom(fromRevision: bigint, maxCount: number): Promise<RecordedEvent[]> {
    return this.orNothing(() => this.store.readStream(AUDIT_STREAM, { fromRevision, maxCount }));
  }

  private async readBackwards(fromRevision: bigint | undefined): Promise<RecordedEvent[]> {
    return this.orNothing(() => this.store.readStream(AUDIT_STREAM, { direction: 'backwards', maxCount: 1, ...(fromRevision !== undefined && { fromRevision }) }));
  }

  private async orNothing(read: () => Promise<RecordedEvent[]>): Promise<RecordedEvent[]> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
