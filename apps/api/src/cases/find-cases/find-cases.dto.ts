import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { AGENCIES, JOURNEY_STAGES, OFFENCE_CATEGORIES, type Agency, type CaseStage, type OffenceCategory } from '@case-journey/domain';
import { commaList, PageSizeDto } from '../../http/paging.dto';
import { isDateOrInstant } from '../../http/london-dates';

export const CASE_STAGES = [...JOURNEY_STAGES, 'closed'] as const satisfies readonly CaseStage[];
export const WAITING_ON = [...AGENCIES, 'none'] as const;
const BOOLEAN = ['true', 'false'] as const;
const notBlank = { message: ({ property }: { property: string }) => `${property} must hold something other than spaces` };
const dateRule = (property: string) => ({
  name: 'isDateOrInstant',
  validator: { validate: isDateOrInstant, defaultMessage: () => `${property} must be a London date (YYYY-MM-DD) or an ISO-8601 instant with its zone` },
});

/** The case finder's query: every filter optional, all of them applied together. */
export class FindCasesDto extends PageSizeDto {
  @ApiPropertyOptional({ description: "The prosecution's unique reference number, exact, any case", example: '41HT1234525' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/\S/, notBlank)
  urn?: string;

  @ApiPropertyOptional({ description: 'Police force / criminal justice board area, any case, blanks trimmed; an unknown area answers 404 with the areas known', example: 'Wessex' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, notBlank)
  area?: string;

  @ApiPropertyOptional({ description: `Comma-separated stages: ${CASE_STAGES.join(', ')}`, example: 'pre-trial,trial' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayNotEmpty({ message: 'stage must name at least one stage when given' })
  @IsIn(CASE_STAGES, { each: true })
  stage?: CaseStage[];

  @ApiPropertyOptional({ description: `Comma-separated agencies holding the next step (none: closed or with nobody): ${WAITING_ON.join(', ')}`, example: 'HMCTS' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayNotEmpty({ message: 'waitingOn must name at least one agency when given' })
  @IsIn(WAITING_ON, { each: true })
  waitingOn?: Array<Agency | 'none'>;

  @ApiPropertyOptional({ description: 'Opened (crime reported) on or after: a London date, from its start, or an instant', example: '2026-11-01' })
  @IsOptional()
  @ValidateBy(dateRule('openedFrom'))
  openedFrom?: string;

  @ApiPropertyOptional({ description: 'Opened on or before: a London date, to its end, or an instant', example: '2026-11-30' })
  @IsOptional()
  @ValidateBy(dateRule('openedTo'))
  openedTo?: string;

  @ApiPropertyOptional({ enum: BOOLEAN, description: 'Only closed (true) or open (false) cases' })
  @IsOptional()
  @IsIn(BOOLEAN)
  closed?: 'true' | 'false';

  @ApiPropertyOptional({ description: `Comma-separated offence categories as reported: ${OFFENCE_CATEGORIES.join(', ')}`, example: 'burglary' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayNotEmpty({ message: 'offenceCategory must name at least one category when given' })
  @IsIn(OFFENCE_CATEGORIES, { each: true })
  offenceCategory?: OffenceCategory[];

  @ApiPropertyOptional({ enum: BOOLEAN, description: 'Only cases where any victim has enhanced rights (true), or none has (false)' })
  @IsOptional()
  @IsIn(BOOLEAN)
  enhanced?: 'true' | 'false';

  @ApiPropertyOptional({ enum: BOOLEAN, description: "Only cases with (true) or without (false) a Victims' Code deadline breached and not yet met, now" })
  @IsOptional()
  @IsIn(BOOLEAN)
  hasBreaches?: 'true' | 'false';

  @ApiPropertyOptional({ description: "An agency's own reference of any record of the case, exact", example: 'ATH-2025-000184' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, notBlank)
  sourceReference?: string;

  @ApiPropertyOptional({ description: "The previous page's `next`: where this page starts" })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;
}
