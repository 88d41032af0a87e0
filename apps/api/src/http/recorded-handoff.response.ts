import { ApiCreatedResponse, ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import { CASE_EVENT_TYPES } from '@case-journey/domain';
import type { RecordedHandoff } from '../cases/handoff-recorder';
import { ETAG_HEADER, revisionTag } from './revision-tag';

/** The answer to every write: what was stored, where, at which revision. */
export class RecordedHandoffDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  eventId!: string;

  @ApiProperty({ enum: CASE_EVENT_TYPES })
  type!: string;

  @ApiProperty({ description: "The case's revision once it was stored, also the ETag" })
  revision!: number;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

/** Documents a write's 201: its answer and the headers sendRecordedHandoff sets. */
export const ApiRecordedResponse = (description: string) =>
  ApiCreatedResponse({
    type: RecordedHandoffDto,
    description,
    headers: {
      ...ETAG_HEADER,
      Location: { description: 'The case', schema: { type: 'string', example: '/cases/6f9619ff-8b86-4011-b42d-00c04fc964ff' } },
      'Idempotent-Replayed': { description: 'true when the record had been stored before: nothing new was stored', schema: { type: 'string', enum: ['true'] } },
    },
  });

/** The answer to every write, the same on an idempotent replay as the first time. */
export function sendRecordedHandoff(response: Response, recorded: RecordedHandoff): RecordedHandoffDto {
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
