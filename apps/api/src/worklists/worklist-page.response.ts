import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, CONTACT_CHANNELS, OFFENCE_CATEGORIES, OPT_OUT_SCOPES, type Agency, type ContactChannel, type OffenceCategory, type OptOutScope } from '@case-journey/domain';
import { OPEN_STATUSES, RIGHTS, type OpenStatus, type Rights, type WorklistItem, type WorklistPage } from '@case-journey/projections';
import { OffsetPageDto } from '../http/paging.dto';

export class WorklistVictimDto {
  @ApiProperty()
  enhanced!: boolean;

  @ApiProperty({ enum: CONTACT_CHANNELS, nullable: true, description: 'Null once their personal data is erased' })
  contactPreference!: ContactChannel | null;

  @ApiProperty({ enum: OPT_OUT_SCOPES, isArray: true })
  optOuts!: OptOutScope[];
}

export class WorklistItemDto implements WorklistItem {
  @ApiProperty()
  obligationId!: string;

  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true })
  urn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ enum: OFFENCE_CATEGORIES, nullable: true })
  offenceCategory!: OffenceCategory | null;

  @ApiProperty()
  victimId!: string;

  @ApiProperty({ example: 'R6.hearing-date' })
  ruleId!: string;

  @ApiProperty({ description: "The Victims' Code right (1–12)" })
  right!: number;

  @ApiProperty({ enum: AGENCIES })
  responsible!: Agency;

  @ApiProperty({ enum: OPEN_STATUSES })
  status!: OpenStatus;

  @ApiProperty({ enum: RIGHTS })
  rights!: Rights;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

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
