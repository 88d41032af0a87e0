import type { CaseEventType } from '@case-journey/domain';

/** Every case event type, at run time, so a rulebook file can be checked against the catalogue. */
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
  'EventCorrected',
  'EventRetracted',
] as const satisfies readonly CaseEventType[];

// Fails to compile when the catalogue gains an event type this list lacks.
type Missing = Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]>;
const catalogueIsComplete: [Missing] extends [never] ? true : Missing = true;
void catalogueIsComplete;
