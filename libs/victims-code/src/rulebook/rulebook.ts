import type {
  Agency,
  CaseEventType,
  CourtNotice,
  EnhancedGround,
  InformationTopic,
  OffenceCategory,
  OptOutScope,
  VictimKind,
} from '@case-journey/domain';

/** C: confirmed from the 2020 Code; C-old: confirmed for an earlier Code, assumed unchanged; U: unconfirmed. */
export const CONFIDENCES = ['C', 'C-old', 'U'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * A test on the trigger event's data (`field` is a dotted path), or on the case's offence
 * categories (the reported offence and every charge so far).
 */
export type TriggerCondition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: Array<string | number | boolean> }
  | { field: string; exists: boolean }
  | { field: string; atLeast: number }
  | { offenceCategoryIn: OffenceCategory[] };

/** An event that starts the clock when all its conditions hold. */
export interface Trigger {
  event: CaseEventType;
  when: TriggerCondition[];
}

/**
 * decision: the clock starts when the trigger happened. receipt: when the responsible agency
 * received it — a CourtNoticeReceived of `courtNotice` kind for the hearing, else the trigger's
 * receivedAt, else its occurredAt.
 */
export interface ClockRule {
  start: 'decision' | 'receipt';
  courtNotice?: CourtNotice;
}

/** The touchpoint that meets the obligation, recorded by one of `agencies`. */
export interface Satisfier {
  event: CaseEventType;
  /** For VictimInformed: the topic the victim must have been told about. */
  topic?: InformationTopic;
  agencies: Agency[];
}

/** Victims for whom consent to referral is required before the obligation applies. */
export interface ConsentRequirement {
  offenceCategories: OffenceCategory[];
  victimKinds: VictimKind[];
  grounds: EnhancedGround[];
}

export interface RuleExceptions {
  /** Opting out of this scope (or of 'all') makes the obligation not applicable; null when opt-outs do not apply. */
  optOutScope: OptOutScope | null;
  /** Only applies with the victim's explicit consent to referral, for these victims. */
  consent?: ConsentRequirement;
  /** An event concerning the victim, before the obligation is met and by its deadline, makes it not applicable. */
  notApplicableWhen?: Array<{ event: CaseEventType; reason: string }>;
}

export interface Rule {
  /** Stable id, e.g. `R8.hearing-date`; letters, digits, '.', '-' and '_' only. */
  id: string;
  /** The Code's Right (1-12). */
  right: number;
  title: string;
  triggers: Trigger[];
  clock: ClockRule;
  responsible: Agency;
  /** Working days to meet it; both null for a touchpoint tracked without a deadline. */
  standardWorkingDays: number | null;
  enhancedWorkingDays: number | null;
  satisfiedBy: Satisfier;
  /** A field both the trigger and the touchpoint may carry (hearingId, claimId) that ties them together. */
  linkBy?: string;
  /** One obligation per victim (any number of triggers), or per value of a trigger field such as hearingId. */
  onePer?: 'victim' | string;
  exceptions: RuleExceptions;
  confidence: Confidence;
  enabled: boolean;
  source: string;
  notes?: string;
}

/** Which grounds for enhanced rights count, and which offences make every victim of the case eligible. */
export interface EnhancedEligibility {
  grounds: Array<{ ground: EnhancedGround; confidence: Confidence }>;
  mostSeriousCategories: OffenceCategory[];
  /** Victim kinds treated as bereaved close relatives (the most serious crime ground). */
  bereavedKinds: VictimKind[];
}

/** One version of the Code, in force for clocks that start on London days from `effectiveFrom`. */
export interface Rulebook {
  id: string;
  title: string;
  /** London day `YYYY-MM-DD`. */
  effectiveFrom: string;
  enhanced: EnhancedEligibility;
  rules: Rule[];
}
