import { Inject, Injectable } from '@nestjs/common';
import { decide, initialState, type CaseCommand, type CaseEventType } from '@case-journey/domain';
import { WrongExpectedRevisionError } from '@case-journey/event-store';
import { AppConfiguration } from '@case-journey/platform';
import { CaseNotFoundError, RecordKeyReusedError, RevisionConflictError } from './case-errors';
import { CaseStreamRepository, type LoadedCase } from './case-stream.repository';

export interface Recording {
  caseId: string;
  /** The id the event will carry: derived from the record's source when it has one. */
  eventId: string;
  type: CaseEventType;
  /**
   * Builds the command from the case as loaded, so it can use what the case holds. Called only once
   * the record is known to be new, so nothing (no victim key, say) is made for a re-delivery.
   */
  build: (loaded: LoadedCase | undefined) => CaseCommand;
  /** Refuses (throws) when the caller may not make this record on the case as loaded: checked before anything else, a re-delivery included. */
  authorize: (loaded: LoadedCase | undefined) => void;
}

export interface RecordingOptions {
  /** The revision the caller saw (If-Match): the write happens only if the case is still there. */
  ifMatch?: bigint;
  /** Every handoff but the crime report needs the case to exist already. */
  caseMustExist: boolean;
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
 * what was stored the first time; a conflict is retried from a fresh read unless the caller made
 * the write conditional, in which case it is theirs to resolve.
 */
@Injectable()
export class HandoffRecorder {
  constructor(
    private readonly cases: CaseStreamRepository,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  async record(recording: Recording, options: RecordingOptions): Promise<RecordedHandoff> {
    const { caseId } = recording;
    for (let attempt = 0; ; attempt++) {
      const loaded = await this.cases.load(caseId);
      if (!loaded && options.caseMustExist) throw new CaseNotFoundError(caseId);
      recording.authorize(loaded);

      const earlier = loaded && earlierRecording(loaded, recording);
      if (earlier) return earlier;
      if (options.ifMatch !== undefined && options.ifMatch !== loaded?.revision) {
        throw new RevisionConflictError(caseId, options.ifMatch, loaded?.revision);
      }

      const events = decide(recording.build(loaded), loaded?.state ?? initialState());
      try {
        const result = await this.cases.append(caseId, events, loaded ? loaded.revision : 'no-stream');
        const last = events[events.length - 1];
        return { caseId, eventId: last.metadata.eventId, type: last.type, revision: result.nextExpectedRevision, recordedAt: last.metadata.recordedAt, replayed: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (options.ifMatch !== undefined || attempt >= this.configuration.writeRetries) {
          throw new RevisionConflictError(caseId, options.ifMatch ?? loaded?.revision ?? -1n, error.actual === 'no-stream' ? undefined : error.actual);
        }
      }
    }
  }
}

/** The answer given the first time, if this record was stored before; a key re-used for another kind of record is refused. */
function earlierRecording(loaded: LoadedCase, recording: Recording): RecordedHandoff | undefined {
  const event = loaded.recorded.find((recorded) => recorded.id === recording.eventId);
  if (!event) return undefined;
  if (event.type !== recording.type) throw new RecordKeyReusedError(loaded.caseId, recording.eventId, event.type, recording.type);
  return { caseId: loaded.caseId, eventId: event.id, type: event.type, revision: event.revision, recordedAt: String(event.metadata.recordedAt), replayed: true };
}
