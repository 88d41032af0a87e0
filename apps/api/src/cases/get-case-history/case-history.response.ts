import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_EVENT_TYPES } from '@case-journey/domain';
import type { HistoryEntry } from './get-case-history.handler';

export class HistoryEntryDto implements HistoryEntry {
  @ApiProperty({ description: "The event's revision in the case's stream" })
  revision!: number;

  @ApiProperty({ description: "The event's position in the whole log" })
  position!: string;

  @ApiProperty({ enum: CASE_EVENT_TYPES })
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data as recorded (victims' details sealed); its shape is the handoff's payload of the same type" })
  data!: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'eventId, agency, recordedBy, occurredAt, recordedAt, receivedAt, sourceSystem, sourceReference…' })
  metadata!: Record<string, unknown>;
}

/** GET /cases/{id}/events. */
export class CaseHistoryDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ description: "The stream's revision, also the ETag" })
  revision!: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'The instant read as of, when one was asked for' })
  asOf?: string;

  @ApiProperty({ type: [HistoryEntryDto], description: 'In stream order' })
  events!: HistoryEntryDto[];
}
