import { Inject, Injectable } from '@nestjs/common';
import { contentHashOf, decide, initialState, type CaseCommand, type CaseEvent, type CaseEventType } from '@case-journey/domain';
import { WrongExpectedRevisionError } from '@case-journey/event-store';
import { PersonalDataVault, type PendingSeals, type SealPersonalData } from '@case-journey/personal-data';
import { AppConfiguration } from '@case-journey/platform';
import { CaseNotFoundError, RevisionConflictError } from './case-errors';
import { CaseStreamRepository, type LoadedCase } from './case-stream.repository';
import { earlierRecording } from './redelivery';

export interface Recording {
  caseId: string;
  /** The id the event will carry: derived from the record's source when it has one. */
  eventId: string;
  type: CaseEventType;
  /**
   * Builds the command from the case as loaded, so it can use what the case holds, sealing victims'
   * details with `seal`. For a new record, the keys it seals with reach the key store only once the
   * command is decided; for a re-delivery, it is built only to be compared, and seals nothing.
   */
  build: (loaded: LoadedCase | undefined, seal: SealPersonalData) => CaseCommand;
  /** Refuses (throws) when the caller may not make this record on the case as loaded: checked before anything else, a re-delivery included. */
  authorize: (loaded: LoadedCase | undefined) => void;
}

export interface RecordingOptions {
  /** The revision the caller saw (If-Match): the write happens only if the case is still there. */
  ifMatch?: bigint;
  /** Every handoff but the crime report needs the case to exist already. */
  caseMustExist: boolean;
  /**
   * When the event id is the server's own key for an act (an erasure's, per case and victim) rather
   * than a sender's record key: a repeat is the same act whatever it says now, and answers as the
   * first time without its content being compared.
   */
  repeatIsSameAct?: true;
}

export interface RecordedHandoff {
  caseId: string;
  eventId: string;
  type: string;
  /** Revision of the case's stream once this handoff was stored. */
  revision: bigint;
  recordedAt: string;
  /** True when this record had been stored before: nothing new was stored. */
  replayed: boolean;
}

/**
 * Load, decide, append: the one path every write takes. A re-delivery (same event id) answers with
 * what was stored the first time, or is refused if it says something else; a conflict is retried
 * from a fresh read unless the caller made the write conditional, in which case it is theirs to resolve.
 *
 * A failed request stores nothing, victims' keys included: they are made in memory, stored once the
 * command is decided and before the event is appended (an event whose key was lost would lose the
 * victim's details), and removed again when the store refuses the append. When the append fails
 * any other way, it may still have happened, so the keys stay.
 */
@Injectable()
export class HandoffRecorder {
  constructor(
    private readonly cases: CaseStreamRepository,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    private readonly vault: PersonalDataVault,
  ) {}

  async record(recording: Recording, options: RecordingOptions): Promise<RecordedHandoff> {
    const { caseId } = recording;
    for (let attempt = 0; ; attempt++) {
      const loaded = await this.cases.load(caseId);
      const decided = this.decideAgainst(loaded, recording, options);
      if (!isToAppend(decided)) return decided;
      const { events, seals } = decided;
      const conflict = (actual: bigint | undefined) => {
        if (options.ifMatch !== undefined || attempt >= this.configuration.writeRetries) {
          throw new RevisionConflictError(caseId, options.ifMatch ?? loaded?.revision ?? -1n, actual);
        }
      };
      // Another writer stored a different key for one of these victims meanwhile: read and build again.
      if (!seals.hold()) {
        conflict(loaded?.revision);
        continue;
      }
      try {
        const result = await this.cases.append(caseId, events, loaded ? loaded.revision : 'no-stream');
        seals.confirm();
        return recordedOf(caseId, events, result.nextExpectedRevision);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        seals.release();
        conflict(error.actual === 'no-stream' ? undefined : error.actual);
      }
    }
  }

  /** Runs `work`'s holds, confirms and releases of victims' keys (many records' seals) as one write of the key store. */
  sealsTogether<T>(work: () => T): T {
    return this.vault.together(work);
  }

  /**
   * The recording judged against the case as loaded (or as a batch holds it): refused (throws), the
   * answer given the first time for a re-delivery, or the events to append with the seals they need.
   * The one place a record is decided, for a single request and for every line of an import alike.
   */
  decideAgainst(loaded: LoadedCase | undefined, recording: Recording, options: RecordingOptions): RecordedHandoff | ToAppend {
    if (!loaded && options.caseMustExist) throw new CaseNotFoundError(recording.caseId);
    recording.authorize(loaded);
    const earlier = loaded && earlierRecording(loaded, recording, this.vault, !options.repeatIsSameAct);
    if (earlier) return earlier;
    if (options.ifMatch !== undefined && options.ifMatch !== loaded?.revision) {
      throw new RevisionConflictError(recording.caseId, options.ifMatch, loaded?.revision);
    }
    const seals = this.vault.sealing();
    const events = decide(withContentHash(recording.build(loaded, seals.seal)), loaded?.state ?? initialState());
    return { events, seals };
  }
}

/** What a decided recording adds to its case: the events, and the victims' keys to hold before they are appended. */
export interface ToAppend {
  events: CaseEvent[];
  seals: PendingSeals;
}

export const isToAppend = (decided: RecordedHandoff | ToAppend): decided is ToAppend => 'seals' in decided;

/** The answer for events just stored, the case then at `revision`. */
export function recordedOf(caseId: string, events: readonly CaseEvent[], revision: bigint): RecordedHandoff {
  const last = events[events.length - 1];
  return { caseId, eventId: last.metadata.eventId, type: last.type, revision, recordedAt: last.metadata.recordedAt, replayed: false };
}

/** The command with the hash of its content, which its event keeps: a later re-delivery is compared with it. */
const withContentHash = (command: CaseCommand): CaseCommand => ({ ...command, metadata: { ...command.metadata, contentHash: contentHashOf(command) } }) as CaseCommand;
