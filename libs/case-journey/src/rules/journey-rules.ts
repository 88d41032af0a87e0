import * as caseFile from './case-file.rules';
import * as caseRules from './case.rules';
import * as charging from './charging.rules';
import * as correction from './correction.rules';
import * as courtOutcome from './court-outcome.rules';
import * as expenses from './expenses.rules';
import * as hearing from './hearing.rules';
import * as timing from './timing.rules';
import * as victim from './victim.rules';

/**
 * Every rule of the journey. A rule missing here does not compile where it is enforced, because
 * `enforce` only takes rules whose id is a JourneyRuleId.
 */
export const JOURNEY_RULES = [
  caseRules.caseMustExist,
  caseRules.caseMustBeNew,
  caseRules.crimeReportFromReportingAgency,
  caseRules.caseIdMustMatch,
  caseRules.referencedEventMustExist,
  timing.instantMustBeValid,
  timing.notInTheFuture,
  timing.receivedNotBeforeOccurred,
  timing.nothingBeforeCrimeReport,
  victim.victimMustBeKnown,
  victim.victimIdMustBeUnique,
  victim.optInNeedsOptOut,
  victim.referralRespectsOptOut,
  victim.referralNeedsConsent,
  victim.vcsReferralNeedsSentence,
  victim.vcsReferralMustBeMade,
  victim.victimDataErasedOnce,
  victim.erasedVictimTakesNoRecords,
  caseFile.fileMustBeSubmitted,
  caseFile.fileMustAwaitReview,
  caseFile.fileMustBeNewOrReturned,
  caseFile.returnedFileMustNameMissingItems,
  charging.caseMustNotBeCharged,
  charging.caseMustBeCharged,
  charging.prosecutionMustBeLive,
  charging.chargesMustBeNamed,
  hearing.hearingMustBeListed,
  hearing.hearingIdMustBeNew,
  hearing.hearingHeldOnce,
  hearing.ineffectiveHearingNeedsReasonCode,
  hearing.crackedHearingNeedsReason,
  hearing.hearingReasonMustMatchResult,
  courtOutcome.chargeMustBeKnown,
  courtOutcome.sentenceNeedsConviction,
  courtOutcome.custodyNeedsMonths,
  courtOutcome.custodyMonthsOnlyWithCustody,
  courtOutcome.appealIdMustBeNew,
  courtOutcome.appealNeedsConvictionOrSentence,
  courtOutcome.appealMustBeLodged,
  courtOutcome.appealDecidedOnce,
  expenses.expensesClaimIdMustBeNew,
  expenses.expensesClaimMustBeReceived,
  expenses.expensesPaidOnce,
  expenses.amountMustBePositive,
  correction.correctionTargetMustExist,
  correction.correctionTargetMustNotBeRetracted,
  correction.correctionTargetMustBeCorrectable,
  correction.crimeReportCannotBeRetracted,
  correction.erasureIsFinal,
  correction.correctionCannotChangeType,
  correction.correctionCannotChangeCase,
  correction.correctionMustChangeSomething,
] as const;

export type JourneyRuleId = (typeof JOURNEY_RULES)[number]['id'];

export const JOURNEY_RULE_IDS: readonly JourneyRuleId[] = JOURNEY_RULES.map((rule) => rule.id);
