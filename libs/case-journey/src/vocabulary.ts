/**
 * The words of the case journey, as closed lists. Each list is a const array so that the
 * API's validators and the synthetic generator draw from the same source as the types.
 */

export const AGENCIES = ['Police', 'CPS', 'HMCTS', 'WCU', 'Probation', 'VictimSupport', 'YOT', 'Prison'] as const;
export type Agency = (typeof AGENCIES)[number];

/**
 * The agencies a crime is reported to, whose crime report opens a case: the police. A force-like
 * agency (British Transport Police, the National Crime Agency) joins this list once it is an agency.
 */
export const REPORTING_AGENCIES = ['Police'] as const satisfies readonly Agency[];

/** Offence categories; the first group are the Code's "most serious crime" categories. */
export const MOST_SERIOUS_CATEGORIES = [
  'homicide',
  'domestic-abuse',
  'hate-crime',
  'terrorism',
  'sexual',
  'human-trafficking',
  'attempted-murder',
  'kidnap',
  'false-imprisonment',
  'arson-endangering-life',
  'wounding-gbh-with-intent',
] as const;
export const OFFENCE_CATEGORIES = [
  ...MOST_SERIOUS_CATEGORIES,
  'stalking-harassment',
  'violence',
  'robbery',
  'burglary',
  'theft',
  'criminal-damage',
  'fraud',
  'drugs',
  'public-order',
  'other',
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

/** Grounds for enhanced rights under the Victims' Code. */
export const ENHANCED_GROUNDS = [
  'most-serious-crime',
  'bereaved-close-relative',
  'persistently-targeted',
  'vulnerable-under-18',
  'vulnerable-mental-disorder',
  'vulnerable-impaired-intelligence',
  'vulnerable-physical-disability',
  'intimidated',
] as const;
export type EnhancedGround = (typeof ENHANCED_GROUNDS)[number];

export const VICTIM_KINDS = ['person', 'bereaved-family', 'business'] as const;
export type VictimKind = (typeof VICTIM_KINDS)[number];

export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SEXES = ['female', 'male', 'other', 'not-stated'] as const;
export type Sex = (typeof SEXES)[number];

/** ONS 5-group ethnicity classification. */
export const ETHNIC_GROUPS = ['asian', 'black', 'mixed', 'white', 'other', 'not-stated'] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

export const CONTACT_CHANNELS = ['phone', 'email', 'letter', 'sms', 'in-person', 'video'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** What a victim can opt out of; 'all' stops every non-mandatory contact. */
export const OPT_OUT_SCOPES = ['support-referral', 'investigation-updates', 'court-updates', 'victim-contact-scheme', 'all'] as const;
export type OptOutScope = (typeof OPT_OUT_SCOPES)[number];

/** What a victim was told about. Each Code obligation is satisfied by one topic. */
export const INFORMATION_TOPICS = [
  'crime-report-confirmation',
  'support-referral',
  'no-investigation',
  'suspect-update',
  'charge-decision',
  'cps-decision-letter',
  'hearing-date',
  'bail-outcome',
  'witness-required',
  'special-measures',
  'outcome',
  'sentence',
  'appeal',
  'victim-contact-scheme',
  'compensation',
  'vps-offered',
  'expenses',
  'other',
] as const;
export type InformationTopic = (typeof INFORMATION_TOPICS)[number];

export const SUSPECT_EVENT_KINDS = [
  'arrested',
  'interviewed-under-caution',
  'released-without-charge',
  'bailed',
  'released-under-investigation',
  'bail-conditions-changed',
] as const;
export type SuspectEventKind = (typeof SUSPECT_EVENT_KINDS)[number];

export const FILE_KINDS = ['pre-charge-advice', 'full-file'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const CHARGE_DECISIONS = ['charge', 'no-further-action', 'out-of-court-disposal'] as const;
export type ChargeDecision = (typeof CHARGE_DECISIONS)[number];
export const CHARGE_DECIDERS = ['Police', 'CPS'] as const;
export type ChargeDecider = (typeof CHARGE_DECIDERS)[number];

export const PROSECUTION_ENDINGS = ['discontinued', 'no-evidence-offered'] as const;
export type ProsecutionEnding = (typeof PROSECUTION_ENDINGS)[number];

export const HEARING_TYPES = ['first', 'plea-and-trial-preparation', 'trial', 'sentence', 'bail', 'appeal', 'mention'] as const;
export type HearingType = (typeof HEARING_TYPES)[number];

export const COURT_TIERS = ['magistrates', 'crown'] as const;
export type CourtTier = (typeof COURT_TIERS)[number];

export const HEARING_RESULTS = ['effective', 'cracked', 'ineffective', 'adjourned', 'vacated'] as const;
export type HearingResult = (typeof HEARING_RESULTS)[number];

/** The court's reason-code groups for ineffective trials. */
export const INEFFECTIVE_REASON_GROUPS = ['prosecution', 'defence', 'court', 'other'] as const;
export type IneffectiveReasonGroup = (typeof INEFFECTIVE_REASON_GROUPS)[number];

export const CRACKED_REASONS = ['late-guilty-plea', 'guilty-plea-to-alternative', 'no-evidence-offered', 'bind-over', 'other'] as const;
export type CrackedReason = (typeof CRACKED_REASONS)[number];

export const BAIL_OUTCOMES = ['unconditional-bail', 'conditional-bail', 'remanded-in-custody', 'warrant-issued'] as const;
export type BailOutcome = (typeof BAIL_OUTCOMES)[number];

export const PLEAS = ['guilty', 'not-guilty'] as const;
export type Plea = (typeof PLEAS)[number];

export const VERDICTS = ['convicted', 'acquitted'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DISPOSALS = ['custody', 'suspended-sentence', 'community-order', 'fine', 'discharge', 'hospital-order', 'other'] as const;
export type Disposal = (typeof DISPOSALS)[number];

/** What the Witness Care Unit received from the court (the clock start of the WCU's Code duties). */
export const COURT_NOTICES = ['hearing-listing', 'bail-outcome', 'outcome', 'sentence', 'appeal'] as const;
export type CourtNotice = (typeof COURT_NOTICES)[number];

export const JOURNEY_STAGES = ['investigation', 'pre-charge', 'pre-trial', 'trial', 'post-sentence'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

/** Why a victim's personal data was erased: a data-protection decision (a request, say) or the end of the retention period. */
export const ERASURE_BASES = ['request', 'retention'] as const;
export type ErasureBasis = (typeof ERASURE_BASES)[number];
