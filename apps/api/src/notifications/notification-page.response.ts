import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, type Agency } from '@case-journey/domain';
import type { Notification, NotificationPage } from '@case-journey/projections';
import { OffsetPageDto } from '../http/paging.dto';

export class NotificationDto implements Notification {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['obligation-breached'] })
  kind!: 'obligation-breached';

  @ApiProperty({ format: 'date-time', description: 'The moment the deadline passed unmet' })
  raisedAt!: string;

  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true })
  urn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty()
  victimId!: string;

  @ApiProperty()
  obligationId!: string;

  @ApiProperty({ example: 'R6.hearing-date' })
  ruleId!: string;

  @ApiProperty()
  right!: number;

  @ApiProperty({ enum: AGENCIES })
  responsible!: Agency;

  @ApiProperty({ enum: ['standard', 'enhanced'] })
  rights!: 'standard' | 'enhanced';

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiPropertyOptional({ enum: [true], description: 'Raised by a replay of past events, not as the deadline passed' })
  historical?: true;
}

/** GET /notifications. */
export class NotificationPageDto extends OffsetPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' })
  items!: NotificationDto[];
}
