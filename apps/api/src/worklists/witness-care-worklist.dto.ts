import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { AGENCIES, type Agency } from '@case-journey/domain';
import { OPEN_STATUSES, type OpenStatus } from '@case-journey/projections';
import { isDateOrInstant } from '../http/london-dates';

export const DUE_WINDOWS = ['overdue', 'today', 'tomorrow', 'this-week'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];
import { commaList, PagingDto } from '../http/paging.dto';

export class WitnessCareWorklistDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Police force / criminal justice board area (the unit)', example: 'Hertfordshire' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  area?: string;

  @ApiPropertyOptional({ enum: AGENCIES, default: 'WCU', description: 'The agency the obligations are owed by' })
  @IsOptional()
  @IsIn(AGENCIES)
  agency: Agency = 'WCU';

  @ApiPropertyOptional({ description: `Comma-separated: ${OPEN_STATUSES.join(', ')} (breached = overdue); all by default`, example: 'due-soon,breached' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayNotEmpty({ message: 'status must name at least one status when given' })
  @IsIn(OPEN_STATUSES, { each: true })
  status?: OpenStatus[];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only obligations owed at enhanced (true) or standard (false) rights' })
  @IsOptional()
  @IsIn(['true', 'false'])
  enhanced?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Only obligations due at or before this: a London date (to the end of that day) or an ISO-8601 instant', example: '2026-11-30' })
  @IsOptional()
  @ValidateBy({
    name: 'isDateOrInstant',
    validator: { validate: isDateOrInstant, defaultMessage: () => 'dueBefore must be a London date (YYYY-MM-DD) or an ISO-8601 instant with its time zone (Z or ±hh:mm)' },
  })
  dueBefore?: string;

  @ApiPropertyOptional({ enum: DUE_WINDOWS, description: 'overdue (breached), due today, due tomorrow, or due by the end of this week (Sunday), in London days' })
  @IsOptional()
  @IsIn(DUE_WINDOWS)
  due?: DueWindow;
}
