import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS,
  AGENCIES,
  BAIL_OUTCOMES,
  CHARGE_DECIDERS,
  CHARGE_DECISIONS,
  CLOSURE_REASONS,
  CONTACT_CHANNELS,
  COURT_NOTICES,
  COURT_TIERS,
  CRACKED_REASONS,
  DISPOSALS,
  ENHANCED_GROUNDS,
  ERASURE_BASES,
  ETHNIC_GROUPS,
  FILE_KINDS,
  HEARING_RESULTS,
  HEARING_TYPES,
  INEFFECTIVE_REASON_GROUPS,
  JOURNEY_STAGES,
  OPT_OUT_SCOPES,
  PLEAS,
  PROSECUTION_ENDINGS,
  SEXES,
  SUSPECT_EVENT_KINDS,
  VERDICTS,
  VICTIM_KINDS,
  type AgeBand,
  type Agency,
  type AppealState,
  type BailOutcome,
  type CaseClosure,
  type CaseFileState,
  type CaseStage,
  type CaseView,
  type ChargeDecider,
  type ChargeDecision,
  type ChargeDecisionState,
  type ClosureReason,
  type ContactChannel,
  type CourtNotice,
  type CourtTier,
  type CrackedReason,
  type Disposal,
  type EnhancedGround,
  type EnhancedGroundRecord,
  type ErasureBasis,
  type EthnicGroup,
  type ExpensesClaimState,
  type FileKind,
  type HearingOutcome,
  type HearingResult,
  type HearingState,
  type HearingType,
  type IneffectiveReasonGroup,
  type JourneyStage,
  type OptOutScope,
  type Plea,
  type PleaRecord,
  type ProsecutionEnding,
  type SentenceState,
  type Sex,
  type SuspectEventKind,
  type SuspectState,
  type Verdict,
  type VerdictRecord,
  type VictimKind,
  type VictimState,
} from '@case-journey/domain';
import { ChargeDto, OffenceDto } from '../dto/offence.dto';
import { CASE_STAGES } from '../find-cases/find-cases.dto';
import { CaseRevisionDto } from '../as-of/case-revision.response';

const instant = { format: 'date-time' } as const;
const nullableInstant = { type: String, format: 'date-time', nullable: true } as const;

export class ClosureDto implements CaseClosure {
  @ApiProperty({ enum: CLOSURE_REASONS })
  reason!: ClosureReason;

  @ApiProperty(instant)
  at!: string;
}

export class EnhancedGroundRecordDto implements EnhancedGroundRecord {
  @ApiProperty({ enum: ENHANCED_GROUNDS })
  ground!: EnhancedGround;

  @ApiProperty({ enum: AGENCIES })
  decidedBy!: Agency;

  @ApiProperty(instant)
  decidedAt!: string;
}

export class SupportReferralDto {
  @ApiProperty({ enum: ['referred', 'declined'] })
  outcome!: 'referred' | 'declined';

  @ApiPropertyOptional({ description: 'The support service referred to' })
  service?: string;

  @ApiProperty(instant)
  at!: string;
}

export class WithdrawalDto {
  @ApiProperty({ enum: JOURNEY_STAGES })
  stage!: JourneyStage;

  @ApiProperty(instant)
  at!: string;
}

export class VictimContactSchemeDto {
  @ApiProperty(nullableInstant)
  referralMadeAt!: string | null;

  @ApiProperty(nullableInstant)
  referralReceivedAt!: string | null;

  @ApiProperty(nullableInstant)
  liaisonContactAt!: string | null;
}

export class ErasureMarkDto {
  @ApiProperty({ enum: ERASURE_BASES })
  basis!: ErasureBasis;

  @ApiProperty(instant)
  at!: string;
}

/** Who a victim is to the Victims' Code, without their personal details: what the case and their journey both say of them. */
export class VictimProfileDto {
  @ApiProperty()
  victimId!: string;

  @ApiProperty({ enum: VICTIM_KINDS })
  kind!: VictimKind;

  @ApiProperty({ enum: AGE_BANDS })
  ageBand!: AgeBand;

  @ApiProperty({ enum: SEXES, nullable: true })
  sex!: Sex | null;

  @ApiProperty({ enum: ETHNIC_GROUPS, nullable: true })
  ethnicity!: EthnicGroup | null;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  contactPreference!: ContactChannel;

  @ApiProperty({ enum: OPT_OUT_SCOPES, isArray: true })
  optOuts!: OptOutScope[];

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;
}

/** A victim as the case knows them: no name or contact details (those are sealed, GET /cases/{id}/victims/{victimId}). */
export class VictimStateDto extends VictimProfileDto implements VictimState {
  @ApiProperty()
  under18AtOffence!: boolean;

  @ApiProperty({ type: [EnhancedGroundRecordDto] })
  enhancedGrounds!: EnhancedGroundRecordDto[];

  @ApiProperty()
  consentToReferral!: boolean;

  @ApiProperty({ type: [String], nullable: true })
  needsIdentified!: string[] | null;

  @ApiProperty({ type: SupportReferralDto, nullable: true })
  supportReferral!: VictimState['supportReferral'];

  @ApiProperty()
  witnessRequired!: boolean;

  @ApiProperty({ type: WithdrawalDto, nullable: true })
  withdrewSupport!: WithdrawalDto | null;

  @ApiProperty({ type: VictimContactSchemeDto })
  victimContactScheme!: VictimContactSchemeDto;

  @ApiProperty(nullableInstant)
  lastContactAt!: string | null;

  @ApiProperty({ type: ErasureMarkDto, nullable: true, description: 'Set once their personal data is erased' })
  erasure!: ErasureMarkDto | null;
}

export class SuspectStateDto implements SuspectState {
  @ApiProperty()
  suspectId!: string;

  @ApiProperty({ enum: SUSPECT_EVENT_KINDS })
  latest!: SuspectEventKind;

  @ApiProperty(instant)
  at!: string;

  @ApiProperty({ type: [String] })
  conditions!: string[];
}

export class FileReviewDto {
  @ApiProperty({ enum: ['accepted', 'returned'] })
  outcome!: 'accepted' | 'returned';

  @ApiProperty({ type: [String] })
  missingItems!: string[];

  @ApiProperty({ type: String, nullable: true })
  reasons!: string | null;

  @ApiProperty(instant)
  at!: string;
}

export class CaseFileStateDto implements CaseFileState {
  @ApiProperty()
  fileId!: string;

  @ApiProperty({ enum: FILE_KINDS })
  kind!: FileKind;

  @ApiProperty(instant)
  submittedAt!: string;

  @ApiProperty()
  submissions!: number;

  @ApiProperty({ type: FileReviewDto, nullable: true })
  review!: FileReviewDto | null;
}

export class ChargeDecisionStateDto implements ChargeDecisionState {
  @ApiProperty({ enum: CHARGE_DECISIONS })
  decision!: ChargeDecision;

  @ApiProperty({ enum: CHARGE_DECIDERS })
  decidedBy!: ChargeDecider;

  @ApiProperty(instant)
  at!: string;

  @ApiProperty({ type: String, nullable: true })
  reasons!: string | null;
}

export class ProsecutionEndedDto {
  @ApiProperty({ enum: PROSECUTION_ENDINGS })
  ending!: ProsecutionEnding;

  @ApiProperty()
  reasons!: string;

  @ApiProperty(instant)
  at!: string;
}

export class NotPursuedDto {
  @ApiProperty()
  reason!: string;

  @ApiProperty(instant)
  at!: string;
}

export class IneffectiveReasonDto {
  @ApiProperty({ description: "The court's reason code" })
  code!: string;

  @ApiProperty({ enum: INEFFECTIVE_REASON_GROUPS })
  group!: IneffectiveReasonGroup;
}

export class HearingOutcomeDto implements HearingOutcome {
  @ApiProperty({ enum: HEARING_RESULTS })
  result!: HearingResult;

  @ApiProperty(instant)
  at!: string;

  @ApiProperty({ type: IneffectiveReasonDto, nullable: true })
  ineffectiveReason!: IneffectiveReasonDto | null;

  @ApiProperty({ enum: CRACKED_REASONS, nullable: true })
  crackedReason!: CrackedReason | null;

  @ApiProperty({ enum: BAIL_OUTCOMES, nullable: true })
  bailOutcome!: BailOutcome | null;

  @ApiProperty({ type: [String] })
  bailConditions!: string[];
}

export class NoticeReceivedDto {
  @ApiProperty({ enum: COURT_NOTICES })
  notice!: CourtNotice;

  @ApiProperty(instant)
  receivedAt!: string;
}

export class HearingStateDto implements HearingState {
  @ApiProperty()
  hearingId!: string;

  @ApiProperty({ enum: HEARING_TYPES })
  hearingType!: HearingType;

  @ApiProperty()
  court!: string;

  @ApiProperty({ enum: COURT_TIERS })
  courtTier!: CourtTier;

  @ApiProperty(instant)
  scheduledFor!: string;

  @ApiProperty(instant)
  listedAt!: string;

  @ApiProperty({ type: HearingOutcomeDto, nullable: true })
  held!: HearingOutcomeDto | null;

  @ApiProperty({ type: [NoticeReceivedDto], description: "The court's notices the Witness Care Unit received" })
  noticesReceived!: NoticeReceivedDto[];
}

export class PleaRecordDto implements PleaRecord {
  @ApiProperty()
  hearingId!: string;

  @ApiProperty({ type: String, nullable: true })
  chargeId!: string | null;

  @ApiProperty({ enum: PLEAS })
  plea!: Plea;

  @ApiProperty(instant)
  at!: string;
}

export class VerdictRecordDto implements VerdictRecord {
  @ApiProperty()
  hearingId!: string;

  @ApiProperty({ type: String, nullable: true })
  chargeId!: string | null;

  @ApiProperty({ enum: VERDICTS })
  verdict!: Verdict;

  @ApiProperty(instant)
  at!: string;
}

export class SentenceStateDto implements SentenceState {
  @ApiProperty()
  hearingId!: string;

  @ApiProperty({ enum: DISPOSALS })
  disposal!: Disposal;

  @ApiProperty({ type: Number, nullable: true })
  custodyMonths!: number | null;

  @ApiProperty(instant)
  at!: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['allowed', 'dismissed', 'varied'] })
  outcome!: 'allowed' | 'dismissed' | 'varied';

  @ApiProperty(instant)
  at!: string;
}

export class AppealStateDto implements AppealState {
  @ApiProperty()
  appealId!: string;

  @ApiProperty({ enum: ['defence', 'prosecution'] })
  by!: 'defence' | 'prosecution';

  @ApiProperty({ enum: ['conviction', 'sentence'] })
  against!: 'conviction' | 'sentence';

  @ApiProperty(instant)
  lodgedAt!: string;

  @ApiProperty({ type: AppealDecisionDto, nullable: true })
  decision!: AppealDecisionDto | null;
}

export class ExpensesPaymentDto {
  @ApiProperty()
  amountPence!: number;

  @ApiProperty(instant)
  at!: string;
}

export class ExpensesClaimStateDto implements ExpensesClaimState {
  @ApiProperty()
  claimId!: string;

  @ApiProperty()
  victimId!: string;

  @ApiProperty(instant)
  receivedAt!: string;

  @ApiProperty({ type: ExpensesPaymentDto, nullable: true })
  payment!: ExpensesPaymentDto | null;
}

/** A case's state across agencies, as every handoff recorded so far leaves it. */
export class CaseViewDto implements CaseView {
  @ApiProperty()
  exists!: boolean;

  @ApiProperty({ type: String, nullable: true })
  caseId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  urn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ type: OffenceDto, nullable: true })
  offence!: OffenceDto | null;

  @ApiProperty({ ...nullableInstant, description: 'When the crime was reported' })
  reportedAt!: string | null;

  @ApiProperty({ enum: CASE_STAGES })
  stage!: CaseStage;

  @ApiProperty({ type: ClosureDto, nullable: true })
  closure!: ClosureDto | null;

  @ApiProperty({ type: [VictimStateDto] })
  victims!: VictimStateDto[];

  @ApiProperty({ type: [SuspectStateDto] })
  suspects!: SuspectStateDto[];

  @ApiProperty({ type: NotPursuedDto, nullable: true })
  investigationNotPursued!: NotPursuedDto | null;

  @ApiProperty({ type: [CaseFileStateDto] })
  files!: CaseFileStateDto[];

  @ApiProperty({ type: ChargeDecisionStateDto, nullable: true })
  chargeDecision!: ChargeDecisionStateDto | null;

  @ApiProperty({ type: [ChargeDto], description: 'The charges as they stand, after any alteration' })
  charges!: ChargeDto[];

  @ApiProperty({ type: ProsecutionEndedDto, nullable: true })
  prosecutionEnded!: ProsecutionEndedDto | null;

  @ApiProperty({ type: [HearingStateDto] })
  hearings!: HearingStateDto[];

  @ApiProperty({ type: [PleaRecordDto] })
  pleas!: PleaRecordDto[];

  @ApiProperty({ type: [VerdictRecordDto] })
  verdicts!: VerdictRecordDto[];

  @ApiProperty({ description: 'A guilty plea or a convicted verdict has been recorded' })
  convicted!: boolean;

  @ApiProperty({ type: SentenceStateDto, nullable: true })
  sentence!: SentenceStateDto | null;

  @ApiProperty({ type: [AppealStateDto] })
  appeals!: AppealStateDto[];

  @ApiProperty({ type: [ExpensesClaimStateDto] })
  expensesClaims!: ExpensesClaimStateDto[];

  @ApiProperty({ type: [String], description: 'Events withdrawn by an EventRetracted' })
  retractedEventIds!: string[];

  @ApiProperty({ ...nullableInstant, description: "The latest occurredAt among the case's facts" })
  lastOccurredAt!: string | null;

  @ApiProperty({ description: "Events in the case's stream, corrections and retractions included" })
  eventCount!: number;

  @ApiProperty({ type: [String], description: 'Every event recorded, in stream order' })
  eventIds!: string[];
}

/** GET /cases/{id}. */
export class CaseReadingDto extends CaseRevisionDto {
  @ApiProperty({ type: CaseViewDto })
  state!: CaseViewDto;
}
