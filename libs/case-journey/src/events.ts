import type {
  AgeBand,
  Agency,
  BailOutcome,
  ChargeDecider,
  ChargeDecision,
  ContactChannel,
  CourtNotice,
  CourtTier,
  CrackedReason,
  Disposal,
  EnhancedGround,
  EthnicGroup,
  FileKind,
  HearingResult,
  HearingType,
  IneffectiveReasonGroup,
  InformationTopic,
  JourneyStage,
  OffenceCategory,
  OptOutScope,
  Plea,
  ProsecutionEnding,
  Sex,
  SuspectEventKind,
  Verdict,
  VictimKind,
  ErasureBasis,
} from './vocabulary';

/**
 * Every case event is a plain object `{ type, data, metadata }`. The metadata is the same for
 * every type: when it happened, when it was stored, who did it and where it came from.
 * Instants are ISO-8601 strings in UTC.
 */
export interface CaseEventMetadata {
  eventId: string;
  /** Version of this event type's data shape; `upcast` lifts older versions on read. */
  schemaVersion: number;
  /** When it happened in the world. Code compliance is judged on this. */
  occurredAt: string;
  /** When this system stored it. An `asOf` view only sees events recorded by then. */
  recordedAt: string;
  /** When the agency responsible for acting on it learned of it, where that differs from occurredAt. */
  receivedAt?: string;
  /** The agency that did it. */
  agency: Agency;
  /** The user or system that recorded it. */
  recordedBy: string;
  /** The source system and its own reference for this record: re-delivery of the same pair is a no-op. */
  sourceSystem?: string;
  sourceReference?: string;
  correlationId?: string;
  causationId?: string;
  /** The id of the API request that recorded it (its X-Request-Id), to follow it through the logs. Not part of the content hash. */
  requestId?: string;
  /**
   * The hash of what the record says (`contentHashOf`): a re-delivery under the same source reference
   * or Idempotency-Key with other content is refused. Absent from events stored before it existed.
   */
  contentHash?: string;
}

export interface Event<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: CaseEventMetadata;
}

/**
 * Personal data sealed with a per-victim key (see libs/personal-data). Events never hold names or
 * contact details in plain text; destroying the victim's key erases them from every event at once.
 */
export interface SealedPersonalData {
  /** Identifies the victim's data key. */
  keyId: string;
  algorithm: 'aes-256-gcm';
  iv: string;
  ciphertext: string;
  authTag: string;
}

/** What the Code's agencies hold about a victim that identifies them: sealed into `SealedPersonalData`, never stored in plain text. */
export interface VictimPersonalData {
  name: string;
  /** For a business or a bereaved family: the named point of contact. */
  contactName?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  email?: string;
  phone?: string;
  address?: string;
}

export interface EnhancedGroundRecord {
  ground: EnhancedGround;
  /** The agency that found the victim eligible on this ground; eligibility then holds for every agency. */
  decidedBy: Agency;
  /** When it took effect; obligations triggered before it keep their standard deadline. */
  decidedAt: string;
}

export interface VictimRegistration {
  victimId: string;
  kind: VictimKind;
  /** Name, contact details, date of birth: sealed. */
  personal: SealedPersonalData;
  /** Derived from the date of birth on the offence date when known; the date itself stays sealed. */
  ageBand: AgeBand;
  under18AtOffence: boolean;
  sex?: Sex;
  ethnicity?: EthnicGroup;
  enhancedGrounds: EnhancedGroundRecord[];
  contactPreference: ContactChannel;
  /** Explicit consent to being referred to a support service (required for sexual offences, domestic abuse, bereaved relatives). */
  consentToReferral: boolean;
  optOuts: OptOutScope[];
}

export interface Offence {
  description: string;
  category: OffenceCategory;
  /** Home Office offence code, when the police system gives one. */
  code?: string;
}

export interface Charge {
  chargeId: string;
  offence: Offence;
}

export type CrimeReported = Event<
  'CrimeReported',
  {
    caseId: string;
    /** The prosecution's unique reference number, once known. */
    urn?: string;
    /** Police force / local criminal justice board area. */
    area: string;
    offence: Offence;
    victims: VictimRegistration[];
  }
>;

export type VictimRegistered = Event<'VictimRegistered', { caseId: string; victim: VictimRegistration }>;

export type EnhancedRightsRecognised = Event<
  'EnhancedRightsRecognised',
  { caseId: string; victimId: string; grounds: EnhancedGroundRecord[] }
>;

export type VictimNeedsAssessed = Event<'VictimNeedsAssessed', { caseId: string; victimId: string; needsIdentified: string[] }>;

export type VictimReferredToSupport = Event<'VictimReferredToSupport', { caseId: string; victimId: string; service: string }>;

export type VictimDeclinedSupportReferral = Event<'VictimDeclinedSupportReferral', { caseId: string; victimId: string }>;

export type InvestigationNotPursued = Event<'InvestigationNotPursued', { caseId: string; reason: string }>;

export type SuspectEventRecorded = Event<
  'SuspectEventRecorded',
  { caseId: string; suspectId: string; kind: SuspectEventKind; reasons?: string; conditions?: string[] }
>;

export type FileSubmittedToCps = Event<'FileSubmittedToCps', { caseId: string; fileId: string; kind: FileKind }>;

export type FileReviewed = Event<
  'FileReviewed',
  { caseId: string; fileId: string; outcome: 'accepted' | 'returned'; missingItems: string[]; reasons?: string }
>;

export type ChargeDecisionMade = Event<
  'ChargeDecisionMade',
  { caseId: string; decision: ChargeDecision; decidedBy: ChargeDecider; charges: Charge[]; reasons?: string }
>;

export type ChargesAltered = Event<
  'ChargesAltered',
  { caseId: string; charges: Charge[]; substantial: boolean; reasons: string }
>;

export type ProsecutionEnded = Event<'ProsecutionEnded', { caseId: string; ending: ProsecutionEnding; reasons: string }>;

export type HearingListed = Event<
  'HearingListed',
  { caseId: string; hearingId: string; hearingType: HearingType; court: string; courtTier: CourtTier; scheduledFor: string }
>;

export type CourtNoticeReceived = Event<
  'CourtNoticeReceived',
  { caseId: string; hearingId: string; notice: CourtNotice }
>;

export type HearingHeld = Event<
  'HearingHeld',
  {
    caseId: string;
    hearingId: string;
    result: HearingResult;
    ineffectiveReason?: { code: string; group: IneffectiveReasonGroup };
    crackedReason?: CrackedReason;
    bailOutcome?: BailOutcome;
    bailConditions?: string[];
  }
>;

export type PleaEntered = Event<'PleaEntered', { caseId: string; hearingId: string; chargeId?: string; plea: Plea }>;

export type WitnessRequired = Event<'WitnessRequired', { caseId: string; victimId: string; hearingId?: string }>;

export type VerdictReached = Event<'VerdictReached', { caseId: string; hearingId: string; verdict: Verdict; chargeId?: string }>;

export type SentencePassed = Event<
  'SentencePassed',
  { caseId: string; hearingId: string; disposal: Disposal; custodyMonths?: number }
>;

export type AppealLodged = Event<'AppealLodged', { caseId: string; appealId: string; by: 'defence' | 'prosecution'; against: 'conviction' | 'sentence' }>;

export type AppealDecided = Event<'AppealDecided', { caseId: string; appealId: string; outcome: 'allowed' | 'dismissed' | 'varied' }>;

export type VictimInformed = Event<
  'VictimInformed',
  {
    caseId: string;
    victimId: string;
    topic: InformationTopic;
    channel: ContactChannel;
    /** The event that prompted this contact, where the recording system knows it. */
    regardingEventId?: string;
    hearingId?: string;
  }
>;

export type VictimOptedOut = Event<'VictimOptedOut', { caseId: string; victimId: string; scope: OptOutScope }>;

export type VictimOptedBackIn = Event<'VictimOptedBackIn', { caseId: string; victimId: string; scope: OptOutScope }>;

export type VictimWithdrewSupport = Event<'VictimWithdrewSupport', { caseId: string; victimId: string; stage: JourneyStage }>;

export type VictimContactSchemeReferralMade = Event<'VictimContactSchemeReferralMade', { caseId: string; victimId: string }>;

export type VictimContactSchemeReferralReceived = Event<'VictimContactSchemeReferralReceived', { caseId: string; victimId: string }>;

export type VictimLiaisonOfficerContactMade = Event<
  'VictimLiaisonOfficerContactMade',
  { caseId: string; victimId: string; channel: ContactChannel }
>;

/**
 * A victim's personal data was erased: their key is destroyed, so every sealed copy of their details
 * in the case's events is unreadable. The victim and their obligations stay in the case so that
 * compliance counts do not move; only what describes the person is forgotten by the read models.
 */
export type VictimDataErased = Event<'VictimDataErased', { caseId: string; victimId: string; basis: ErasureBasis; reason: string }>;

export type ExpensesClaimReceived = Event<'ExpensesClaimReceived', { caseId: string; victimId: string; claimId: string }>;

export type ExpensesPaid = Event<'ExpensesPaid', { caseId: string; victimId: string; claimId: string; amountPence: number }>;

/**
 * A correction replaces what an earlier event said (its data, or when it happened); a retraction
 * withdraws it. The original stays in the history; reading the case applies the latest word.
 */
export type EventCorrected = Event<
  'EventCorrected',
  {
    caseId: string;
    correctedEventId: string;
    /** Fields of the original's data to replace. */
    data?: Record<string, unknown>;
    occurredAt?: string;
    receivedAt?: string;
    reason: string;
  }
>;

export type EventRetracted = Event<'EventRetracted', { caseId: string; retractedEventId: string; reason: string }>;

export type CaseEvent =
  | CrimeReported
  | VictimRegistered
  | EnhancedRightsRecognised
  | VictimNeedsAssessed
  | VictimReferredToSupport
  | VictimDeclinedSupportReferral
  | InvestigationNotPursued
  | SuspectEventRecorded
  | FileSubmittedToCps
  | FileReviewed
  | ChargeDecisionMade
  | ChargesAltered
  | ProsecutionEnded
  | HearingListed
  | CourtNoticeReceived
  | HearingHeld
  | PleaEntered
  | WitnessRequired
  | VerdictReached
  | SentencePassed
  | AppealLodged
  | AppealDecided
  | VictimInformed
  | VictimOptedOut
  | VictimOptedBackIn
  | VictimWithdrewSupport
  | VictimContactSchemeReferralMade
  | VictimContactSchemeReferralReceived
  | VictimLiaisonOfficerContactMade
  | ExpensesClaimReceived
  | ExpensesPaid
  | VictimDataErased
  | EventCorrected
  | EventRetracted;

export type CaseEventType = CaseEvent['type'];

/** Every case event type, at run time, in the order of a case's journey: to check text that names one. */
export const CASE_EVENT_TYPES = [
  'CrimeReported',
  'VictimRegistered',
  'EnhancedRightsRecognised',
  'VictimNeedsAssessed',
  'VictimReferredToSupport',
  'VictimDeclinedSupportReferral',
  'InvestigationNotPursued',
  'SuspectEventRecorded',
  'FileSubmittedToCps',
  'FileReviewed',
  'ChargeDecisionMade',
  'ChargesAltered',
  'ProsecutionEnded',
  'HearingListed',
  'CourtNoticeReceived',
  'HearingHeld',
  'PleaEntered',
  'WitnessRequired',
  'VerdictReached',
  'SentencePassed',
  'AppealLodged',
  'AppealDecided',
  'VictimInformed',
  'VictimOptedOut',
  'VictimOptedBackIn',
  'VictimWithdrewSupport',
  'VictimContactSchemeReferralMade',
  'VictimContactSchemeReferralReceived',
  'VictimLiaisonOfficerContactMade',
  'ExpensesClaimReceived',
  'ExpensesPaid',
  'VictimDataErased',
  'EventCorrected',
  'EventRetracted',
] as const satisfies readonly CaseEventType[];

// Fails to compile when the union gains an event type this list lacks.
type MissingEventType = Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]>;
const everyEventTypeListed: [MissingEventType] extends [never] ? true : MissingEventType = true;
void everyEventTypeListed;
export type CaseEventOfType<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
export type CaseEventData<T extends CaseEventType> = CaseEventOfType<T>['data'];

/** The stream that holds one case's events. */
export const caseStreamId = (caseId: string): string => `case-${caseId}`;
