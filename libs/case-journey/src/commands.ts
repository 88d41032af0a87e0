import type { CaseEventData, CaseEventType } from './events';
import type { Agency } from './vocabulary';

/**
 * A command asks to record one handoff or touchpoint: the event type it would become, that event's
 * data, and the facts of its recording. `decide` checks the journey's rules against the case's state
 * and either gives the events to append or throws a JourneyRuleViolation naming the rule broken.
 */
export interface CommandMetadata {
  /** Id the resulting event will carry (derived from the source reference when there is one). */
  eventId: string;
  occurredAt: string;
  receivedAt?: string;
  agency: Agency;
  recordedBy: string;
  sourceSystem?: string;
  sourceReference?: string;
  correlationId?: string;
  causationId?: string;
  /** The id of the API request that made the command. */
  requestId?: string;
  /** `contentHashOf` the command, kept in the event's metadata. */
  contentHash?: string;
  /** The clock of the recording: becomes the event's recordedAt and bounds occurredAt. */
  now: string;
}

export interface RecordCommand<T extends CaseEventType = CaseEventType> {
  type: T;
  data: CaseEventData<T>;
  metadata: CommandMetadata;
}

/** The union of every recordable command, discriminated by `type` as the events are. */
export type CaseCommand = { [T in CaseEventType]: RecordCommand<T> }[CaseEventType];
