import type {
  AgeBand,
  BailOutcome,
  ContactChannel,
  CourtTier,
  CrackedReason,
  Disposal,
  EthnicGroup,
  IneffectiveReasonGroup,
  OffenceCategory,
} from '@case-journey/domain';
import type { Delay, Shares, Skewed } from './distributions';

/**
 * Everything the generator is told about the world it imitates. Shares are probabilities unless
 * named "shares" (relative weights, normalised). A profile is plain data: the same profile and seed
 * always give the same cases.
 */
export interface GeneratorProfile {
  name: string;
  cases: number;
  /** The generator's clock: nothing is recorded after it, so recent cases are still open. */
  now: string;
  /** Crimes are reported over this many days before `now`. */
  reportingDays: number;
  areas: readonly AreaProfile[];
  offences: Readonly<Record<OffenceCategory, OffenceProfile>>;
  victims: VictimProfile;
  investigation: InvestigationProfile;
  prosecution: ProsecutionProfile;
  sentencing: Readonly<Record<SentencingBand, SentencingProfile>>;
  victimContactScheme: VictimContactSchemeProfile;
  feeds: FeedProfile;
}

/** The agencies that owe victims something under the Code, each judged against its deadlines. */
export const CODE_AGENCIES = ['Police', 'CPS', 'HMCTS', 'WCU', 'Probation'] as const;
export type CodeAgency = (typeof CODE_AGENCIES)[number];

export interface CodePerformance {
  /** Share of the agency's Code obligations in the area met by their deadline. */
  onTime: number;
  /** Of those not met on time, the share never met at all. */
  neverMet: number;
  /** How far past the deadline the late ones are met. */
  lateBy: Delay;
}

export interface AreaProfile {
  /** Local criminal justice board area (a police force area). */
  name: string;
  /** Two digits that open the area's URNs. */
  forceCode: string;
  /** Relative weight of the area's caseload. */
  share: number;
  magistratesCourt: string;
  crownCourt: string;
  /** The force's records system: the source system of its feed. */
  policeSystem: string;
  codePerformance: Readonly<Record<CodeAgency, CodePerformance>>;
}

/** How hard courts sentence an offence; grave and violent offences can qualify for the Victim Contact Scheme. */
export const SENTENCING_BANDS = ['grave', 'violent', 'general'] as const;
export type SentencingBand = (typeof SENTENCING_BANDS)[number];

export interface OffenceProfile {
  /** Relative weight in the caseload. */
  share: number;
  /** Of reported crimes: charged, or given an out-of-court disposal; the rest are closed. */
  chargeShare: number;
  outOfCourtShare: number;
  /** The CPS makes the charging decision (otherwise the police charge themselves). */
  cpsCharges: boolean;
  /** Of charged cases, those sent to the Crown Court. */
  crownCourtShare: number;
  sentencing: SentencingBand;
  /** Of victims: a business, a person targeted repeatedly, a person under 18 at the offence. */
  businessVictimShare: number;
  persistentlyTargetedShare: number;
  under18Share: number;
  femaleShare: number;
}

export interface VictimProfile {
  /** Victims named on a case (homicide cases register bereaved families instead). */
  perCase: Shares<'1' | '2' | '3'>;
  bereavedFamiliesPerHomicide: Shares<'1' | '2'>;
  /** Share of a case's second and later victims identified after the report, and when. */
  identifiedLaterShare: number;
  identifiedLaterAfter: Delay;
  /** Share of persistently targeted victims recognised as such only some time after registration. */
  persistentlyTargetedRecognisedLaterShare: number;
  recognisedLaterAfter: Delay;
  /** Explicit consent to a support referral (needed for sexual offences, domestic abuse, bereaved families). */
  consentToReferral: number;
  /** Victims who opt out of the support referral when registered. */
  optOutOfSupport: number;
  /** Victims who opt out of investigation updates when registered. */
  optOutOfUpdates: number;
  contactPreference: Shares<ContactChannel>;
  adultAgeBands: Shares<Exclude<AgeBand, 'under-18'>>;
  ethnicity: Shares<EthnicGroup>;
  sexNotStated: number;
  /** Touchpoints the Code tracks without a deadline (written confirmation, needs assessment, VPS offer…). */
  touchpointsMet: number;
  touchpointsAfter: Delay;
}

export type PreChargeClosure = 'not-investigated' | 'victim-withdrew' | 'evidential-difficulties';

export interface InvestigationProfile {
  /** Why cases close without a charge or out-of-court disposal. */
  closedBecause: Shares<PreChargeClosure>;
  screenedOutAfter: Delay;
  suspectIdentifiedAfter: Delay;
  /** Of suspects: arrested (the rest attend a voluntary interview). */
  arrested: number;
  /** Of suspects released pending a decision: under investigation (the rest on bail). */
  releasedUnderInvestigation: number;
  /** Suspect's release → charging decision (police decisions, and the file's submission to the CPS). */
  decisionAfter: Delay;
  /** CPS review of a file. */
  cpsReview: Delay;
  /** Files the CPS returns for missing material (National File Standard). */
  fileReturned: number;
  missingItems: readonly string[];
  resubmittedAfter: Delay;
}

export interface IneffectiveReason {
  code: string;
  description: string;
  group: IneffectiveReasonGroup;
  share: number;
}

export type TrialOutcome = 'effective' | 'cracked' | 'ineffective';

export interface ProsecutionProfile {
  anticipatedGuiltyPlea: number;
  /** Guilty plea at the plea hearing, when a guilty plea was anticipated and when not. */
  guiltyPleaWhenAnticipated: number;
  guiltyPleaOtherwise: number;
  firstHearingAfterCharge: { anticipatedGuilty: Delay; anticipatedNotGuilty: Delay };
  /** First hearing (magistrates) → plea and trial preparation hearing (Crown Court). */
  sentToCrownCourtFor: Delay;
  trialAfterPlea: Readonly<Record<CourtTier, Delay>>;
  relistedAfter: Delay;
  /** Outcome of each trial listing that is not vacated. */
  trialOutcomes: Readonly<Record<CourtTier, Shares<TrialOutcome>>>;
  vacated: number;
  ineffectiveReasons: readonly IneffectiveReason[];
  crackedReasons: Shares<CrackedReason>;
  convictedAtTrial: Readonly<Record<CourtTier, number>>;
  bailAtFirstHearing: Shares<BailOutcome>;
  /** Sentenced at the hearing that convicted; otherwise adjourned for reports. */
  sentencedSameDay: Readonly<Record<CourtTier, number>>;
  sentenceAdjournedFor: Delay;
  chargesAltered: number;
  substantialAlteration: number;
  discontinued: number;
  victimWithdrawsBeforeTrial: number;
  witnessRequiredAfter: Delay;
  /** CPS → Witness Care Unit: when the WCU learns the victim must give evidence. */
  witnessCareReceivesAfter: Delay;
  /** Witnesses at an effective trial who claim expenses. */
  expensesClaimed: number;
  expensesClaimAfter: Delay;
  /** Crown Court convictions appealed, and how long an appeal takes. */
  appealed: number;
  appealDecidedAfter: Delay;
  /** Listing → the WCU's notice of it (the court's duty to pass results on is in codePerformance.HMCTS). */
  listingNoticeAfter: Delay;
}

export interface SentencingProfile {
  disposals: Shares<Disposal>;
  custodyMonths: Skewed;
}

export interface VictimContactSchemeProfile {
  /** Victims who opt out when referred, and of those, who opt back in later. */
  optOut: number;
  optBackIn: number;
  optBackInAfter: Delay;
  /** WCU referral → Probation's receipt of it. */
  receivedAfter: Delay;
}

export interface FeedProfile {
  /** Most events reach this system shortly after they happen… */
  recordedAfter: Delay;
  /** …but a share arrive days later (batch uploads, back-record keying). */
  lateRecorded: number;
  lateRecordedAfter: Delay;
  /** Contacts whose time or channel was keyed wrongly and later corrected. */
  corrected: number;
  /** Contacts keyed twice, the second copy later retracted. */
  retracted: number;
  /** Events delivered twice with the same source reference. */
  duplicateDelivery: number;
}
