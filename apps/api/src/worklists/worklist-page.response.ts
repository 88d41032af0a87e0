import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_CHANNELS, OFFENCE_CATEGORIES, OPT_OUT_SCOPES, type ContactChannel, type OffenceCategory, type OptOutScope } from '@case-journey/domain';
import { OPEN_STATUSES, type OpenStatus, type WorklistItem, type WorklistPage } from '@case-journey/projections';
import { OffsetPageDto } from '../http/paging.dto';
import { ObligationEntryDto } from '../journeys/victim-journey.response';

export class WorklistVictimDto {
  @ApiProperty()
  enhanced!: boolean;

  @ApiProperty({ enum: CONTACT_CHANNELS, nullable: true, description: 'Null once their personal data is erased' })
  contactPreference!: ContactChannel | null;

  @ApiProperty({ enum: OPT_OUT_SCOPES, isArray: true })
  optOuts!: OptOutScope[];
}

export class WorklistItemDto extends ObligationEntryDto implements WorklistItem {
  @ApiProperty({ enum: OFFENCE_CATEGORIES, nullable: true })
  offenceCategory!: OffenceCategory | null;

  @ApiProperty({ enum: OPEN_STATUSES })
  status!: OpenStatus;

  @ApiProperty({ format: 'date-time' })
  clockStartedAt!: string;

  @ApiProperty({ description: 'The event type that started the clock' })
  triggerType!: string;

  @ApiProperty({ type: Number, nullable: true })
  lateWorkingDays!: number | null;

  @ApiProperty({ type: WorklistVictimDto })
  victim!: WorklistVictimDto;
}

export class OldestBreachDto {
  @ApiProperty()
  obligationId!: string;

  @ApiProperty()
  caseId!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ description: 'London days since it fell due' })
  overdueDays!: number;
}

/** GET /worklists/witness-care. */
export class WorklistPageDto extends OffsetPageDto implements WorklistPage {
  @ApiProperty({ type: [WorklistItemDto], description: 'Earliest due first: the breached first, longest overdue first of all' })
  items!: WorklistItemDto[];

  @ApiProperty({ type: OldestBreachDto, nullable: true, description: 'On the first page, the item breached longest; null when none is breached' })
  oldestBreach!: OldestBreachDto | null;
}
