import type { CaseEvent, Charge, EnhancedGroundRecord, Offence } from '../events';
import type {
  AgeBand,
  BailOutcome,
  ChargeDecider,
  ChargeDecision,
  ContactChannel,
  CourtNotice,
  CourtTier,
  CrackedReason,
  Disposal,
  ErasureBasis,
  EthnicGroup,
  FileKind,
  HearingResult,
  HearingType,
  IneffectiveReasonGroup,
  JourneyStage,
  OptOutScope,
  Plea,
  ProsecutionEnding,
  Sex,
  SuspectEventKind,
  Verdict,
  VictimKind,
} from '../vocabulary';

/**
 * One case as its latest word has it: what the journey's rules need and what a caseworker wants to
 * see. Plain JSON (no Map, Set, Date or class), so it can be returned and cached as it is.
 * Instants are the ISO strings of the events; "absent" is null, never undefined.
 */
export interface CaseState {
  exists: boolean;
  caseId: string | null;
  urn: string | null;
  area: string | null;
  offence: Offence | null;
  /** When the crime was reported (the CrimeReported event's occurredAt). */
  reportedAt: string | null;
  stage: CaseStage;
  closure: CaseClosure | null;
  victims: VictimState[];
  suspects: SuspectState[];
  investigationNotPursued: { reason: string; at: string } | null;
  files: CaseFileState[];
  chargeDecision: ChargeDecisionState | null;
  /** The charges as they stand (after any alteration). */
  charges: Charge[];
  prosecutionEnded: { ending: ProsecutionEnding; reasons: string; at: string } | null;
  hearings: HearingState[];
  pleas: PleaRecord[];
  verdicts: VerdictRecord[];
  /** A guilty plea or a convicted verdict has been recorded. */
  convicted: boolean;
  sentence: SentenceState | null;
  appeals: AppealState[];
  expensesClaims: ExpensesClaimState[];
  /** Ids of the events withdrawn by an EventRetracted. */
  retractedEventIds: string[];
  /** The latest occurredAt among the case's facts (corrections and retractions aside). */
  lastOccurredAt: string | null;
  /** Events in the case's stream, corrections and retractions included: the stream revision is eventCount - 1. */
  eventCount: number;
  /**
   * Every event recorded for the case, in stream order, as recorded. `evolve` refolds it when a
   * correction or retraction arrives, and `decide` finds event ids in it (idempotency, correction
   * targets). `caseView` leaves it out.
   */
  ledger: CaseEvent[];
}

export type CaseStage = JourneyStage | 'closed';

export const CLOSURE_REASONS = [
  'investigation-not-pursued',
  'no-further-action',
  'out-of-court-disposal',
  'discontinued',
  'no-evidence-offered',
  'acquitted',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export interface CaseClosure {
  reason: ClosureReason;
  at: string;
}

export interface VictimState {
  victimId: string;
  kind: VictimKind;
  ageBand: AgeBand;
  under18AtOffence: boolean;
  sex: Sex | null;
  ethnicity: EthnicGroup | null;
  enhancedGrounds: EnhancedGroundRecord[];
  contactPreference: ContactChannel;
  consentToReferral: boolean;
  /** Current opt-outs (an opt back in removes its scope). */
  optOuts: OptOutScope[];
  registeredAt: string;
  needsIdentified: string[] | null;
  supportReferral: { outcome: 'referred'; service: string; at: string } | { outcome: 'declined'; at: string } | null;
  witnessRequired: boolean;
  withdrewSupport: { stage: JourneyStage; at: string } | null;
  victimContactScheme: { referralMadeAt: string | null; referralReceivedAt: string | null; liaisonContactAt: string | null };
  /** The latest time the victim was told something or contacted by a Victim Liaison Officer. */
  lastContactAt: string | null;
  /** When their personal data was erased (their key destroyed); null while it is held. */
  erasure: { basis: ErasureBasis; at: string } | null;
}

export interface SuspectState {
  suspectId: string;
  latest: SuspectEventKind;
  at: string;
  conditions: string[];
}

export interface CaseFileState {
  fileId: string;
  kind: FileKind;
  submittedAt: string;
  /** How many times the file was submitted (a returned file may be resubmitted). */
  submissions: number;
  /** The review of the latest submission, null while it awaits review. */
  review: { outcome: 'accepted' | 'returned'; missingItems: string[]; reasons: string | null; at: string } | null;
}

export interface ChargeDecisionState {
  decision: ChargeDecision;
  decidedBy: ChargeDecider;
  at: string;
  reasons: string | null;
}

export interface HearingState {
  hearingId: string;
  hearingType: HearingType;
  court: string;
  courtTier: CourtTier;
  scheduledFor: string;
  listedAt: string;
  /** What happened on the day, null until the hearing is held (or vacated). */
  held: HearingOutcome | null;
  noticesReceived: { notice: CourtNotice; receivedAt: string }[];
}

export interface HearingOutcome {
  result: HearingResult;
  at: string;
  ineffectiveReason: { code: string; group: IneffectiveReasonGroup } | null;
  crackedReason: CrackedReason | null;
  bailOutcome: BailOutcome | null;
  bailConditions: string[];
}

export interface PleaRecord {
  hearingId: string;
  chargeId: string | null;
  plea: Plea;
  at: string;
}

export interface VerdictRecord {
  hearingId: string;
  chargeId: string | null;
  verdict: Verdict;
  at: string;
}

export interface SentenceState {
  hearingId: string;
  disposal: Disposal;
  custodyMonths: number | null;
  at: string;
}

export interface AppealState {
  appealId: string;
  by: 'defence' | 'prosecution';
  against: 'conviction' | 'sentence';
  lodgedAt: string;
  decision: { outcome: 'allowed' | 'dismissed' | 'varied'; at: string } | null;
}

export interface ExpensesClaimState {
  claimId: string;
  victimId: string;
  receivedAt: string;
  payment: { amountPence: number; at: string } | null;
}

export function initialState(): CaseState {
  return {
    exists: false,
    caseId: null,
    urn: null,
    area: null,
    offence: null,
    reportedAt: null,
    stage: 'investigation',
    closure: null,
    victims: [],
    suspects: [],
    investigationNotPursued: null,
    files: [],
    chargeDecision: null,
    charges: [],
    prosecutionEnded: null,
    hearings: [],
    pleas: [],
    verdicts: [],
    convicted: false,
    sentence: null,
    appeals: [],
    expensesClaims: [],
    retractedEventIds: [],
    lastOccurredAt: null,
    eventCount: 0,
    ledger: [],
  };
}
