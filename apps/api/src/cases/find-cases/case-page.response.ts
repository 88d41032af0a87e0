import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, OFFENCE_CATEGORIES, type Agency, type CaseStage, type OffenceCategory } from '@case-journey/domain';
import { CASE_STAGES } from './find-cases.dto';

export class WaitingOnDto {
  @ApiProperty({ enum: AGENCIES, description: 'The agency holding the next step' })
  agency!: Agency;

  @ApiProperty({ format: 'date-time', description: 'Since the handoff that gave it the step' })
  since!: string;
}

export class ObligationCountsDto {
  @ApiProperty({ description: "Victims' Code deadlines not yet due and not met" })
  open!: number;

  @ApiProperty({ description: 'Deadlines passed and not met' })
  breached!: number;

  @ApiProperty({ description: 'Open deadlines falling due by the end of London today' })
  dueToday!: number;
}

export class FoundCaseDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: '41HT1234525' })
  urn!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Hertfordshire' })
  area!: string | null;

  @ApiProperty({ enum: OFFENCE_CATEGORIES, nullable: true })
  offenceCategory!: OffenceCategory | null;

  @ApiProperty({ enum: CASE_STAGES })
  stage!: CaseStage;

  @ApiProperty()
  closed!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the crime was reported' })
  openedAt!: string | null;

  @ApiProperty({ type: WaitingOnDto, nullable: true, description: 'Null when the case is closed or nobody holds a step' })
  waitingOn!: WaitingOnDto | null;

  @ApiProperty({ description: 'Victims registered on the case' })
  victims!: number;

  @ApiProperty({ description: 'Whether any victim has enhanced rights' })
  enhanced!: boolean;

  @ApiProperty({ type: ObligationCountsDto })
  obligations!: ObligationCountsDto;
}

export class CasePageDto {
  @ApiProperty({ type: [FoundCaseDto], description: 'Newest opened first' })
  items!: FoundCaseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  next!: string | null;
}
