import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '@case-journey/access';
import { isInstant } from '../../cases/dto/formats';
import { PagingDto } from '../../http/paging.dto';

const instant = (field: string) =>
  ValidateBy({ name: 'isInstant', validator: { validate: isInstant, defaultMessage: () => `${field} must be an ISO-8601 instant with its time zone (Z or ±hh:mm)` } });

export class AuditQueryDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Who accessed: the principal\'s subject', example: 'wcu.jones' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ description: 'Entries about this case' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  caseId?: string;

  @ApiPropertyOptional({ description: 'Entries about this victim' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  victimId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'From this instant (ISO-8601), inclusive; the chain is checked from here', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @instant('from')
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (ISO-8601), inclusive', example: '2026-11-30T23:59:59Z' })
  @IsOptional()
  @instant('to')
  to?: string;
}
