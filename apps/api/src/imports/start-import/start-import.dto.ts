import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The query of `POST /imports`: what the file is and how to read it. */
export class StartImportDto {
  @ApiPropertyOptional({ description: 'The system the file comes from: lines naming none get it, lines naming another are refused', example: 'Athena' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sourceSystem?: string;

  @ApiPropertyOptional({ description: "For CSV: the mapping of the extract's columns and codes onto the records (one of those shipped)", example: 'police-crime-extract' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'mapping must be the name of a mapping (lower-case letters, digits and -)' })
  mapping?: string;

  @ApiPropertyOptional({ description: 'Decide every line and report, storing nothing', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}
