import type { CaseEvent, OffenceCategory, OptOutScope, VictimRegistration } from '@case-journey/domain';
import { conditionsHold, type Rule, type Rulebook, type WorkingDayCalendar } from '@case-journey/victims-code';
import { CODE_AGENCIES, type CodeAgency } from './profile';

/*
 * What the generator reads from the Victims' Code package (`@case-journey/victims-code`): its
 * working-day calendar and its rulebook, taken as parameters, and the engine's own trigger
 * conditions. The generator's timing is thus on the compliance engine's terms: a WCU told to be
 * 70% on time is 70% on time by the engine's reckoning.
 */

/** The one thing the generator asks of the calendar: the inclusive end of the nth working day after the London day of `fromMs`. */
export type CodeCalendar = Pick<WorkingDayCalendar, 'deadlineMs'>;

/** The rules the generator answers, by rulebook id. */
export const ANSWERED_RULES = {
  supportReferral: 'R4.referral',
  noInvestigation: 'R6.no-investigation',
  suspectUpdate: 'R6.suspect-event',
  chargeDecision: 'R6.charge-decision',
  cpsLetter: 'R6.cps-decision-letter',
  hearingDate: 'R8.hearing-date',
  bailOutcome: 'R8.bail-outcome',
  witnessRequired: 'R8.witness-required',
  outcome: 'R9.outcome',
  sentence: 'R9.sentence',
  expenses: 'R10.expenses',
  contactSchemeReferral: 'R11.vcs-referral',
  liaisonOfficerContact: 'R11.vlo-contact',
} as const;
export type Duty = keyof typeof ANSWERED_RULES;

/**
 * Not a rule of the rulebook but a duty the Code puts on the court and the rulebook's notes
 * measure separately: results reach the Witness Care Unit within 5 working days of the hearing.
 */
export const COURT_RESULT_WORKING_DAYS = 5;

export interface DutyTerms {
  ruleId: string;
  /** The responsible agency, whose performance in the area times the contact. */
  agency: CodeAgency;
  standardWorkingDays: number;
  enhancedWorkingDays: number;
  /** A victim opted out of this scope is not contacted. */
  optOutScope: OptOutScope | null;
}

/** Each answered rule's deadlines; a rulebook that lacks one (or has no deadline for it) is refused. */
export function dutyTermsOf(rulebook: Rulebook): Record<Duty, DutyTerms> {
  const terms = {} as Record<Duty, DutyTerms>;
  for (const [duty, ruleId] of Object.entries(ANSWERED_RULES) as Array<[Duty, string]>) {
    const rule = ruleOf(rulebook, ruleId);
    if (rule.standardWorkingDays === null || rule.enhancedWorkingDays === null) {
      throw new Error(`Rulebook ${rulebook.id} has no deadline for ${ruleId}, which the generator answers`);
    }
    if (!(CODE_AGENCIES as readonly string[]).includes(rule.responsible)) {
      throw new Error(`Rule ${ruleId} makes ${rule.responsible} responsible, an agency the profiles give no Code performance`);
    }
    terms[duty] = {
      ruleId,
      agency: rule.responsible as CodeAgency,
      standardWorkingDays: rule.standardWorkingDays,
      enhancedWorkingDays: rule.enhancedWorkingDays,
      optOutScope: rule.exceptions.optOutScope,
    };
  }
  return terms;
}

/** Whether the rulebook makes every victim of an offence of this category eligible for enhanced rights, as the engine reads it. */
export const isMostSerious = (rulebook: Rulebook, category: OffenceCategory): boolean => rulebook.enhanced.mostSeriousCategories.includes(category);

/** Whether the rulebook refers this victim to support only with their explicit consent. */
export function referralNeedsConsent(rulebook: Rulebook, category: OffenceCategory, victim: VictimRegistration): boolean {
  const consent = ruleOf(rulebook, ANSWERED_RULES.supportReferral).exceptions.consent;
  if (!consent) return false;
  return (
    consent.offenceCategories.includes(category) ||
    consent.victimKinds.includes(victim.kind) ||
    victim.enhancedGrounds.some((record) => consent.grounds.includes(record.ground))
  );
}

function ruleOf(rulebook: Rulebook, ruleId: string): Rule {
  const rule = rulebook.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`Rulebook ${rulebook.id} has no rule ${ruleId}, which the generator answers`);
  return rule;
}

/**
 * Whether a sentence for an offence starts the rulebook's Victim Contact Scheme clock: one of the
 * rule's SentencePassed triggers holds for it.
 */
export function sentenceQualifiesForContactScheme(
  rulebook: Rulebook,
  sentence: Readonly<Record<string, unknown>>,
  categories: ReadonlySet<OffenceCategory>,
): boolean {
  return ruleOf(rulebook, ANSWERED_RULES.contactSchemeReferral).triggers.some(
    (trigger) =>
      trigger.event === 'SentencePassed' &&
      conditionsHold(trigger.when, { type: 'SentencePassed', data: sentence } as unknown as CaseEvent, () => categories),
  );
}
