import { ApiProperty } from '@nestjs/swagger';
import { CASE_EVENT_TYPES } from '@case-journey/domain';
import type { HistoryEntry } from './get-case-history.handler';
import { CaseRevisionDto } from '../as-of/case-revision.response';

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
export class CaseHistoryDto extends CaseRevisionDto {
  @ApiProperty({ type: [HistoryEntryDto], description: 'In stream order' })
  events!: HistoryEntryDto[];
}
