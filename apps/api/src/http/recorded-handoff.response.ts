import type { Response } from 'express';
import type { RecordedHandoff } from '../cases/handoff-recorder';
import { revisionTag } from './revision-tag';

/** The answer to every write, the same on an idempotent replay as the first time. */
export function sendRecordedHandoff(response: Response, recorded: RecordedHandoff): object {
  response.status(201);
  response.setHeader('ETag', revisionTag(recorded.revision));
  response.setHeader('Location', `/cases/${recorded.caseId}`);
  if (recorded.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return {
    caseId: recorded.caseId,
    eventId: recorded.eventId,
    type: recorded.type,
    revision: Number(recorded.revision),
    recordedAt: recorded.recordedAt,
  };
}
