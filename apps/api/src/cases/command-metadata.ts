import type { CommandMetadata } from '@case-journey/domain';
import type { RecordingDto } from './dto';
import type { RecordingActor } from './recording-actor';

/** The facts of a recording, from its request envelope, who made it and the request it came in (none for an import's line), as every command carries them. */
export function commandMetadata(recording: RecordingDto, actor: RecordingActor, eventId: string, now: Date, requestId?: string): CommandMetadata {
  return {
    eventId,
    occurredAt: recording.occurredAt,
    ...(recording.receivedAt && { receivedAt: recording.receivedAt }),
    agency: actor.agency,
    recordedBy: actor.recordedBy,
    ...(recording.sourceSystem && { sourceSystem: recording.sourceSystem, sourceReference: recording.sourceReference }),
    ...(recording.correlationId && { correlationId: recording.correlationId }),
    ...(requestId && { requestId }),
    now: now.toISOString(),
  };
}
