import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { commaList } from '../../http/paging.dto';
import { ReportingPeriodDto } from '../../compliance/compliance-figures.dto';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** What a public report may be asked: always suppressed, always live or frozen. */
export class PublicReportParamsDto extends ReportingPeriodDto {
  @ApiPropertyOptional({ description: "Comma-separated dimensions from the measure's breakdowns (GET /reports/measures)", example: 'entitlement' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  groupBy?: string[];

  @ApiPropertyOptional({ description: 'Comma-separated `dimension:value` restrictions, e.g. `entitlement:R4.referral,offence:burglary`', example: 'rights:enhanced' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(8)
  @Matches(/^[A-Za-z]+:[^:]{1,100}$/, { each: true, message: 'each filter must be dimension:value' })
  filter?: string[];

  @ApiPropertyOptional({ description: '`live` (the read model now, the default) or `frozen` (the month-end snapshot; the period must be one month)', enum: ['live', 'frozen'] })
  @IsOptional()
  @IsIn(['live', 'frozen'])
  basis?: 'live' | 'frozen';
}

export class ReportParamsDto extends PublicReportParamsDto {
  @ApiPropertyOptional({ description: 'An ISO-8601 instant: the report as known then (events recorded up to it, obligations judged at it), computed from the event store as a job: 202 with its progress until it is done', example: '2025-04-07T23:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'Suppress small numbers (primary below 5, and secondary) as the public report always is', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  suppress?: boolean;
}
