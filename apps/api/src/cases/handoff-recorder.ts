import { Inject, Injectable } from '@nestjs/common';
import { decide, initialState, type CaseCommand } from '@case-journey/domain';
import { WrongExpectedRevisionError } from '@case-journey/event-store';
import { AppConfiguration } from '@case-journey/platform';
import { CaseNotFoundError, RevisionConflictError } from './case-errors';
import { CaseStreamRepository, type LoadedCase } from './case-stream.repository';

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
  /** True when this command had been recorded before: nothing new was stored. */
  replayed: boolean;
}

/** Builds the command from the case as loaded, so it can use what the case already holds. */
export type CommandBuilder = (loaded: LoadedCase | undefined) => CaseCommand;

/**
 * Load, decide, append: the one path every write takes. A retried delivery (same event id) answers
 * with what was stored the first time; a conflict is retried from a fresh read unless the caller
 * made the write conditional, in which case it is theirs to resolve.
 */
@Injectable()
export class HandoffRecorder {
  constructor(
    private readonly cases: CaseStreamRepository,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  async record(caseId: string, build: CommandBuilder, options: RecordingOptions): Promise<RecordedHandoff> {
    for (let attempt = 0; ; attempt++) {
      const loaded = await this.cases.load(caseId);
      if (!loaded && options.caseMustExist) throw new CaseNotFoundError(caseId);
      const command = build(loaded);

      const earlier = loaded && alreadyRecorded(loaded, command.metadata.eventId);
      if (earlier) return earlier;
      if (options.ifMatch !== undefined && options.ifMatch !== loaded?.revision) {
        throw new RevisionConflictError(caseId, options.ifMatch, loaded?.revision);
      }

      const events = decide(command, loaded?.state ?? initialState());
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

function alreadyRecorded(loaded: LoadedCase, eventId: string): RecordedHandoff | undefined {
  const event = loaded.recorded.find((recorded) => recorded.id === eventId);
  if (!event) return undefined;
  return { caseId: loaded.caseId, eventId, type: event.type, revision: event.revision, recordedAt: String(event.metadata.recordedAt), replayed: true };
}
