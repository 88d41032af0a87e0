import type { Grant } from '@case-journey/access';
import type { CaseCommand } from '@case-journey/domain';
import type { BodyRules, ValidatedHandoff } from '../dto';
import { commandMetadata } from '../command-metadata';
import type { Recording } from '../handoff-recorder';
import { eventIdFor } from '../record-identity';
import { actorOf, authorizeRecording } from '../recording-actor';
import { handoffData } from './handoff-payload';

export interface RecordingContext {
  now: () => Date;
  rules: BodyRules;
  idempotencyKey?: string;
  /** The id of the request that brought the recording, kept in its metadata. */
  requestId?: string;
}

/** A validated handoff as the recorder takes it, recorded as the caller's: from a request or a line of an import alike. */
export function handoffRecording(caseId: string, handoff: ValidatedHandoff, caller: Grant, context: RecordingContext): Recording {
  const actor = actorOf(caller, handoff.agency);
  const eventId = eventIdFor(caseId, { sourceSystem: handoff.sourceSystem, sourceReference: handoff.sourceReference, idempotencyKey: context.idempotencyKey });
  return {
    caseId,
    eventId,
    type: handoff.type,
    authorize: (loaded) =>
      authorizeRecording(
        caller,
        { type: handoff.type, agency: handoff.agency, recordedBy: handoff.recordedBy, sourceSystem: handoff.sourceSystem, data: handoff.data as unknown as Record<string, unknown> },
        loaded,
      ),
    build: (loaded, seal) =>
      ({
        type: handoff.type,
        data: handoffData(handoff.type, handoff.data, { caseId, eventId, loaded, occurredAt: handoff.occurredAt, agency: actor.agency, seal, rules: context.rules }),
        metadata: commandMetadata(handoff, actor, eventId, context.now(), context.requestId),
      }) as CaseCommand,
  };
}
