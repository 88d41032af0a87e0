import { ApiProperty } from '@nestjs/swagger';
import {
  AGENCIES,
  CASE_EVENT_TYPES,
  CONTACT_CHANNELS,
  ENHANCED_GROUNDS,
  INFORMATION_TOPICS,
  type Agency,
  type CaseEventType,
  type ContactChannel,
  type EnhancedGround,
  type InformationTopic,
} from '@case-journey/domain';
import { RIGHTS, type Rights, type Touchpoint, type VictimJourneyView } from '@case-journey/projections';
import {
  CLOCK_SOURCES,
  CONFIDENCES,
  NOT_APPLICABLE_REASONS,
  OBLIGATION_STATUSES,
  type ClockSource,
  type Confidence,
  type NotApplicableReason,
  type Obligation,
  type ObligationStatus,
  type VictimEnhancedRights,
} from '@case-journey/victims-code';
import { VictimProfileDto } from '../cases/get-case/case-view.response';
import { CaseEventRefDto } from '../timeline/case-timeline.response';

export class EnhancedGroundDto {
  @ApiProperty({ enum: ENHANCED_GROUNDS })
  ground!: EnhancedGround;

  @ApiProperty({ enum: AGENCIES })
  decidedBy!: Agency;

  @ApiProperty({ format: 'date-time' })
  effectiveAt!: string;
}

export class EnhancedRightsDto implements Omit<VictimEnhancedRights, 'victimId'> {
  @ApiProperty()
  enhanced!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  since!: string | null;

  @ApiProperty({ type: [EnhancedGroundDto] })
  grounds!: EnhancedGroundDto[];
}

export class TouchpointDto extends CaseEventRefDto implements Touchpoint {
  @ApiProperty({ enum: INFORMATION_TOPICS, nullable: true })
  topic!: InformationTopic | null;

  @ApiProperty({ enum: CONTACT_CHANNELS, nullable: true })
  channel!: ContactChannel | null;
}

export class NotApplicableDto {
  @ApiProperty({ enum: NOT_APPLICABLE_REASONS })
  reason!: NotApplicableReason;

  @ApiProperty()
  detail!: string;
}

/** One Victims' Code duty owed to a victim, as the engine judges it. */
export class ObligationDto implements Obligation {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  victimId!: string;

  @ApiProperty({ example: 'R6.hearing-date' })
  ruleId!: string;

  @ApiProperty({ description: "The Victims' Code right (1–12)" })
  right!: number;

  @ApiProperty()
  rulebookId!: string;

  @ApiProperty({ enum: CONFIDENCES, description: 'How surely the rulebook reads the Code here' })
  confidence!: Confidence;

  @ApiProperty({ enum: ['deadline', 'touchpoint'] })
  kind!: 'deadline' | 'touchpoint';

  @ApiProperty({ enum: AGENCIES })
  responsible!: Agency;

  @ApiProperty()
  triggerEventId!: string;

  @ApiProperty({ enum: CASE_EVENT_TYPES })
  triggerType!: CaseEventType;

  @ApiProperty({ format: 'date-time' })
  triggeredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the clock started: on receipt for the receiving agency' })
  clockStartedAt!: string;

  @ApiProperty({ enum: CLOCK_SOURCES })
  clockSource!: ClockSource;

  @ApiProperty()
  clockEventId!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Working days between the trigger and its receipt' })
  handoffWorkingDays!: number | null;

  @ApiProperty({ enum: ['standard', 'enhanced'] })
  rights!: 'standard' | 'enhanced';

  @ApiProperty({ type: Number, nullable: true })
  workingDays!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty({ enum: OBLIGATION_STATUSES })
  status!: ObligationStatus;

  @ApiProperty({ type: String, nullable: true })
  satisfiedByEventId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  satisfiedAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  lateWorkingDays!: number | null;

  @ApiProperty({ type: NotApplicableDto, nullable: true })
  notApplicable!: NotApplicableDto | null;
}

/** An obligation as the lists of them name it (the worklist, the breach notifications): which, of whose case and victim, owed by whom, due when. */
export class ObligationEntryDto {
  @ApiProperty()
  obligationId!: string;

  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true })
  urn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty()
  victimId!: string;

  @ApiProperty({ example: 'R6.hearing-date' })
  ruleId!: string;

  @ApiProperty({ description: "The Victims' Code right (1–12)" })
  right!: number;

  @ApiProperty({ enum: AGENCIES })
  responsible!: Agency;

  @ApiProperty({ enum: RIGHTS })
  rights!: Rights;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
}

/** GET /cases/{id}/victims/{victimId}/journey. */
export class VictimJourneyDto extends VictimProfileDto implements VictimJourneyView {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ format: 'date-time', description: 'The instant the obligations are judged at' })
  asOf!: string;

  @ApiProperty({ type: EnhancedRightsDto })
  enhanced!: EnhancedRightsDto;

  @ApiProperty({ type: [TouchpointDto] })
  touchpoints!: TouchpointDto[];

  @ApiProperty({ type: [ObligationDto] })
  obligations!: ObligationDto[];
}
