import type { ClassConstructor } from 'class-transformer';
import { CASE_EVENT_TYPES } from '@case-journey/domain';
import { NOT_HANDOFFS, type HandoffType } from './handoff-type';
import {
  ChargeDecisionMadeDto,
  ChargesAlteredDto,
  ExpensesClaimReceivedDto,
  ExpensesPaidDto,
  FileReviewedDto,
  ProsecutionEndedDto,
} from './payloads/cps.dto';
import { EventCorrectedDto, EventRetractedDto } from './payloads/corrections.dto';
import {
  AppealDecidedDto,
  AppealLodgedDto,
  HearingHeldDto,
  HearingListedDto,
  PleaEnteredDto,
  SentencePassedDto,
  VerdictReachedDto,
} from './payloads/court.dto';
import {
  EnhancedRightsRecognisedDto,
  FileSubmittedToCpsDto,
  InvestigationNotPursuedDto,
  SuspectEventRecordedDto,
  VictimDeclinedSupportReferralDto,
  VictimNeedsAssessedDto,
  VictimReferredToSupportDto,
  VictimRegisteredDto,
} from './payloads/police.dto';
import { VictimContactSchemeReferralReceivedDto, VictimLiaisonOfficerContactMadeDto } from './payloads/probation.dto';
import { VictimInformedDto, VictimOptedBackInDto, VictimOptedOutDto, VictimWithdrewSupportDto } from './payloads/victim-contact.dto';
import { CourtNoticeReceivedDto, VictimContactSchemeReferralMadeDto, WitnessRequiredDto } from './payloads/witness-care.dto';

/**
 * The payload class of each handoff type. Every type but CrimeReported must appear exactly once:
 * a type added to the domain fails to compile here.
 */
export const HANDOFF_PAYLOADS = {
  VictimRegistered: VictimRegisteredDto,
  EnhancedRightsRecognised: EnhancedRightsRecognisedDto,
  VictimNeedsAssessed: VictimNeedsAssessedDto,
  VictimReferredToSupport: VictimReferredToSupportDto,
  VictimDeclinedSupportReferral: VictimDeclinedSupportReferralDto,
  InvestigationNotPursued: InvestigationNotPursuedDto,
  SuspectEventRecorded: SuspectEventRecordedDto,
  FileSubmittedToCps: FileSubmittedToCpsDto,
  FileReviewed: FileReviewedDto,
  ChargeDecisionMade: ChargeDecisionMadeDto,
  ChargesAltered: ChargesAlteredDto,
  ProsecutionEnded: ProsecutionEndedDto,
  HearingListed: HearingListedDto,
  CourtNoticeReceived: CourtNoticeReceivedDto,
  HearingHeld: HearingHeldDto,
  PleaEntered: PleaEnteredDto,
  WitnessRequired: WitnessRequiredDto,
  VerdictReached: VerdictReachedDto,
  SentencePassed: SentencePassedDto,
  AppealLodged: AppealLodgedDto,
  AppealDecided: AppealDecidedDto,
  VictimInformed: VictimInformedDto,
  VictimOptedOut: VictimOptedOutDto,
  VictimOptedBackIn: VictimOptedBackInDto,
  VictimWithdrewSupport: VictimWithdrewSupportDto,
  VictimContactSchemeReferralMade: VictimContactSchemeReferralMadeDto,
  VictimContactSchemeReferralReceived: VictimContactSchemeReferralReceivedDto,
  VictimLiaisonOfficerContactMade: VictimLiaisonOfficerContactMadeDto,
  ExpensesClaimReceived: ExpensesClaimReceivedDto,
  ExpensesPaid: ExpensesPaidDto,
  EventCorrected: EventCorrectedDto,
  EventRetracted: EventRetractedDto,
} as const satisfies { readonly [T in HandoffType]: ClassConstructor<object> };

/** The payload of a handoff type as validated: the event's data without caseId; a victim's details still in plain text. */
export type HandoffPayload<T extends HandoffType> = InstanceType<(typeof HANDOFF_PAYLOADS)[T]>;

/** Every handoff type, in the order of a case's journey. */
export const HANDOFF_TYPES: readonly HandoffType[] = CASE_EVENT_TYPES.filter(
  (type): type is HandoffType => !(NOT_HANDOFFS as readonly string[]).includes(type),
);

/** For `@ApiExtraModels`: every payload class, so `/docs` documents each `data` shape. */
export const HANDOFF_PAYLOAD_MODELS: ClassConstructor<object>[] = Object.values(HANDOFF_PAYLOADS);

export const isHandoffType = (type: unknown): type is HandoffType =>
  (HANDOFF_TYPES as readonly unknown[]).includes(type);
