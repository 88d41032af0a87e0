import type { CommandMetadata } from '@case-journey/domain';
import type { RecordingDto } from './dto';

/** The facts of a recording, from its request envelope, as every command carries them. */
export function commandMetadata(recording: RecordingDto, eventId: string, now: Date): CommandMetadata {
  return {
    eventId,
    occurredAt: recording.occurredAt,
    ...(recording.receivedAt && { receivedAt: recording.receivedAt }),
    agency: recording.agency,
    recordedBy: recording.recordedBy,
    ...(recording.sourceSystem && { sourceSystem: recording.sourceSystem, sourceReference: recording.sourceReference }),
    ...(recording.correlationId && { correlationId: recording.correlationId }),
    now: now.toISOString(),
  };
}
