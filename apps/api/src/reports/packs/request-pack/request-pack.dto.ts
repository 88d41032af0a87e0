import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** An optional field may be left out, but not sent as null: null is no month, area or number. */
const Optional = () => ValidateIf((_, value) => value !== undefined);

export class RequestPackDto {
  @ApiProperty({ description: 'The London month the pack reports, YYYY-MM', example: '2025-03' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ description: 'Police force / criminal justice board area; every area when absent', example: 'Wessex' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  area?: string;

  @ApiPropertyOptional({ description: 'Suppress small numbers (primary and secondary). A board may choose not to; the pack then says it is not for publication.', default: true })
  @Optional()
  @IsBoolean()
  suppress?: boolean;

  @ApiPropertyOptional({ description: 'Counts below this are suppressed', default: 5, minimum: 1, maximum: 100 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  threshold?: number;

  @ApiPropertyOptional({ description: 'Suppress counts of 0 too', default: false })
  @Optional()
  @IsBoolean()
  includeZeros?: boolean;
}
