import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Notification, NotificationPage } from '@case-journey/projections';
import { OffsetPageDto } from '../http/paging.dto';
import { ObligationEntryDto } from '../journeys/victim-journey.response';

export class NotificationDto extends ObligationEntryDto implements Notification {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['obligation-breached'] })
  kind!: 'obligation-breached';

  @ApiProperty({ format: 'date-time', description: 'The moment the deadline passed unmet' })
  raisedAt!: string;

  @ApiPropertyOptional({ enum: [true], description: 'Raised by a replay of past events, not as the deadline passed' })
  historical?: true;
}

/** GET /notifications. */
export class NotificationPageDto extends OffsetPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' })
  items!: NotificationDto[];
}
