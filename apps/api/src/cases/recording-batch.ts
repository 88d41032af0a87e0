import { LRUCache } from 'lru-cache';
import { caseStateAfter, caseStreamId, initialState, type CaseEvent } from '@case-journey/domain';
import { WrongExpectedRevisionError, type ExpectedRevision } from '@case-journey/event-store';
import { problemOf, type Problem } from '../http/problem-details.filter';
import type { CaseStreamRepository, LoadedCase } from './case-stream.repository';
import { isToAppend, type HandoffRecorder, type RecordedHandoff, type Recording, type RecordingOptions, type ToAppend } from './handoff-recorder';

/** What became of one recording of a batch: stored, found stored already, or refused with the API's problem document. */
export type BatchOutcome = { outcome: 'accepted' | 'replayed'; recorded: RecordedHandoff } | { outcome: 'rejected'; problem: Problem };

interface Entry {
  recording: Recording;
  options: RecordingOptions;
  outcome: BatchOutcome;
  toAppend?: ToAppend;
}

/**
 * The folded state of recently touched cases, kept between batches so that a case whose records
 * come in several batches is read from the store once. Safe with other writers: a batch appends at
 * the revisions it decided on, so a case moved on meanwhile is refused and read afresh.
 */
export class WorkingCases {
  /** Each case as batches folded it (as the repository loaded it until one folds into it), or `{}` for a case the store does not have yet (lru-cache keeps no undefined). */
  private readonly cases: LRUCache<string, { loaded?: LoadedCase }>;

  constructor(capacity = 500) {
    this.cases = new LRUCache({ max: capacity });
  }

  async get(caseId: string, repository: CaseStreamRepository): Promise<LoadedCase | undefined> {
    const known = this.cases.get(caseId);
    if (known) return known.loaded;
    const loaded = await repository.load(caseId);
    this.set(caseId, loaded);
    return loaded;
  }

  set(caseId: string, loaded: LoadedCase | undefined): void {
    this.cases.set(caseId, { loaded });
  }

  forget(caseIds: Iterable<string>): void {
    for (const caseId of caseIds) this.cases.delete(caseId);
  }
}

/**
 * The cases batches have folded events into: each a copy of their own, made at the first fold. A
 * batch folds in place, and the case the repository keeps must never hold events the store does not
 * (after a dry run or a refused batch, another record would be taken for one already stored); a case
 * a batch only reads (a replay, a refusal) is never copied.
 */
const foldedByBatches = new WeakSet<LoadedCase>();

/** The case to fold into: the one batches folded before, else a copy of the repository's (a new case is theirs from the start). */
function caseToFoldInto(loaded: LoadedCase | undefined, caseId: string): LoadedCase {
  if (loaded && foldedByBatches.has(loaded)) return loaded;
  const own: LoadedCase = loaded ? { ...loaded, recorded: [...loaded.recorded], events: [...loaded.events] } : { caseId, recorded: [], events: [], revision: -1n, state: initialState() };
  foldedByBatches.add(own);
  return own;
}

/**
 * Many recordings decided one after another and stored together: the cases they touch are read
 * once and folded forward as each record is decided (never re-read per record), and their events
 * are appended in one batch append, each case at the revision it was read at, in the order its
 * records came. Every record is decided by the recorder's own `decideAgainst`, the single request's
 * path, so the rules, the access checks and re-delivery are the same.
 *
 * If another writer moved one of the cases meanwhile (the store refuses the batch), nothing of the
 * batch was stored: every record of it is then recorded again one by one, through `record`, which
 * reads each case afresh and retries as a single request does.
 */
export class RecordingBatch {
  private readonly entries: Entry[] = [];
  /** Per touched case: the revision it was read at, and the events decided for it in this batch. */
  private readonly writes = new Map<string, { expectedRevision: ExpectedRevision; events: CaseEvent[] }>();
  /**
   * Every case the batch touched, as it has folded it: held until the batch is stored whatever the
   * working cases forget meanwhile, since the store has none of the batch's events yet.
   */
  private readonly touched = new Map<string, LoadedCase | undefined>();

  constructor(
    private readonly recorder: HandoffRecorder,
    private readonly repository: CaseStreamRepository,
    private readonly working: WorkingCases,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** Decides the recording against its case as the batch has it so far. */
  async add(recording: Recording, options: RecordingOptions): Promise<BatchOutcome> {
    const loaded = this.touched.has(recording.caseId) ? this.touched.get(recording.caseId) : await this.working.get(recording.caseId, this.repository);
    this.touched.set(recording.caseId, loaded);
    const entry = { recording, options } as Entry;
    try {
      const decided = this.recorder.decideAgainst(loaded, recording, options);
      if (isToAppend(decided)) {
        // The revision the case was read at, before this record is folded into it.
        const write = this.writes.get(recording.caseId) ?? { expectedRevision: loaded ? loaded.revision : ('no-stream' as const), events: [] };
        const folded = foldedWith(loaded, recording.caseId, decided.events);
        this.working.set(recording.caseId, folded);
        this.touched.set(recording.caseId, folded);
        write.events.push(...decided.events);
        this.writes.set(recording.caseId, write);
        entry.toAppend = decided;
        entry.outcome = { outcome: 'accepted', recorded: { ...lastOf(recording.caseId, decided.events), revision: folded.revision } };
      } else {
        entry.outcome = { outcome: 'replayed', recorded: decided };
      }
    } catch (error) {
      entry.outcome = rejected(error);
    }
    this.entries.push(entry);
    return entry.outcome;
  }

  /**
   * Stores what the batch decided and answers each recording's outcome, in order. A dry run stores
   * nothing (and makes no key), and forgets what it folded.
   */
  async commit({ dryRun = false }: { dryRun?: boolean } = {}): Promise<BatchOutcome[]> {
    if (dryRun || this.writes.size === 0) {
      if (dryRun) this.working.forget(this.writes.keys());
      return this.entries.map((entry) => entry.outcome);
    }
    const pending = this.entries.flatMap((entry) => (entry.toAppend ? [entry.toAppend] : []));
    const held: ToAppend[] = [];
    // Every key of the batch held in one write of the key store (stored before the events are appended, as one by one).
    const allHeld = this.recorder.sealsTogether(() => {
      for (const decided of pending) {
        if (!decided.seals.hold()) return false;
        held.push(decided);
      }
      return true;
    });
    if (!allHeld) return this.oneByOne(held);
    try {
      await this.repository.appendMany([...this.writes].map(([caseId, write]) => ({ caseId, ...write })));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return this.oneByOne(held);
    }
    this.recorder.sealsTogether(() => held.forEach((decided) => decided.seals.confirm()));
    return this.entries.map((entry) => entry.outcome);
  }

  /** The batch was refused as a whole: nothing of it is stored; each record is recorded on its own. */
  private async oneByOne(held: readonly ToAppend[]): Promise<BatchOutcome[]> {
    for (const decided of held) decided.seals.release();
    this.working.forget(this.writes.keys());
    const outcomes: BatchOutcome[] = [];
    for (const { recording, options } of this.entries) {
      try {
        const recorded = await this.recorder.record(recording, options);
        outcomes.push({ outcome: recorded.replayed ? 'replayed' : 'accepted', recorded });
      } catch (error) {
        outcomes.push(rejected(error));
      }
    }
    return outcomes;
  }
}

/** A refusal in the API's words; a failure that is not the record's fault (the store down) is thrown on. */
function rejected(error: unknown): BatchOutcome & { outcome: 'rejected' } {
  const problem = problemOf(error);
  if (problem.status >= 500) throw error;
  return { outcome: 'rejected', problem };
}

const lastOf = (caseId: string, events: readonly CaseEvent[]): RecordedHandoff => {
  const last = events[events.length - 1];
  return { caseId, eventId: last.metadata.eventId, type: last.type, revision: -1n, recordedAt: last.metadata.recordedAt, replayed: false };
};

/**
 * The case with the decided events added as if stored: what the next record of the batch is decided
 * against. Added in place into a case batches folded before; the repository's case is copied first.
 * Its state is carried on by `caseStateAfter`, which copies it once for the record's events, where
 * `evolve` copied it twice for each.
 */
function foldedWith(loaded: LoadedCase | undefined, caseId: string, events: readonly CaseEvent[]): LoadedCase {
  const folded = caseToFoldInto(loaded, caseId);
  const streamId = caseStreamId(caseId);
  for (const event of events) {
    folded.revision += 1n;
    const { eventId, recordedAt } = event.metadata;
    folded.recorded.push({ id: eventId, streamId, type: event.type, revision: folded.revision, position: -1n, data: event.data, metadata: event.metadata as unknown as Record<string, unknown>, created: new Date(recordedAt) });
    folded.events.push(event);
  }
  folded.state = caseStateAfter(folded.state, events);
  return folded;
}
