import { REPORTING_AGENCIES, type Agency, type CaseEventType } from '@case-journey/domain';
import type { RecordingClaim } from './scope-checks';

/**
 * Which agencies record which handoffs (after the domain's catalogue): a Police system cannot
 * record a CPS file review, nor a court a charge decision. `any` marks what every agency does with
 * victims (inform them, note an opt-out); `amended` marks a correction or retraction, which only the
 * agency that recorded the original may make; `own-route` marks what no handoff records (an erasure).
 */
export const RECORDING_AGENCIES: Readonly<Record<CaseEventType, readonly Agency[] | 'any' | 'amended' | 'own-route'>> = {
  CrimeReported: REPORTING_AGENCIES,
  VictimRegistered: ['Police', 'WCU'],
  EnhancedRightsRecognised: 'any',
  VictimNeedsAssessed: ['Police', 'WCU'],
  VictimReferredToSupport: ['Police', 'WCU'],
  VictimDeclinedSupportReferral: ['Police', 'WCU'],
  InvestigationNotPursued: ['Police'],
  SuspectEventRecorded: ['Police'],
  FileSubmittedToCps: ['Police'],
  FileReviewed: ['CPS'],
  ChargeDecisionMade: ['Police', 'CPS'],
  ChargesAltered: ['CPS'],
  ProsecutionEnded: ['CPS'],
  HearingListed: ['HMCTS'],
  CourtNoticeReceived: ['WCU'],
  HearingHeld: ['HMCTS'],
  PleaEntered: ['HMCTS'],
  WitnessRequired: ['CPS', 'WCU'],
  VerdictReached: ['HMCTS'],
  SentencePassed: ['HMCTS'],
  AppealLodged: ['HMCTS'],
  AppealDecided: ['HMCTS'],
  VictimInformed: 'any',
  VictimOptedOut: 'any',
  VictimOptedBackIn: 'any',
  VictimWithdrewSupport: 'any',
  VictimContactSchemeReferralMade: ['WCU'],
  VictimContactSchemeReferralReceived: ['Probation'],
  VictimLiaisonOfficerContactMade: ['Probation'],
  ExpensesClaimReceived: ['CPS'],
  ExpensesPaid: ['CPS'],
  EventCorrected: 'amended',
  EventRetracted: 'amended',
  VictimDataErased: 'own-route',
};

/** Data fields that name the agency that decided: it must be the recording agency (a Police system does not record a CPS decision). */
export const DECIDING_AGENCY_FIELDS: Readonly<Partial<Record<CaseEventType, string>>> = {
  ChargeDecisionMade: 'decidedBy',
};

/** Why this agency may not make this record, if it may not. */
export function recordingAgencyRefusal(agency: Agency, claim: RecordingClaim): { field: string; reason: string } | undefined {
  const recorders = RECORDING_AGENCIES[claim.type];
  if (recorders === 'amended') {
    if (claim.amendedAgency !== undefined && claim.amendedAgency !== agency) {
      return { field: 'type', reason: `only ${claim.amendedAgency}, which recorded it, may amend that event; you sign in for ${agency}` };
    }
    return undefined;
  }
  if (recorders === 'own-route') return { field: 'type', reason: `${claim.type} is recorded by its own route, not as a handoff` };
  if (recorders !== 'any' && !recorders.includes(agency)) {
    return { field: 'type', reason: `${agency} does not record ${claim.type}: ${recorders.join(' or ')} does` };
  }
  const decidingField = DECIDING_AGENCY_FIELDS[claim.type];
  const decidedBy = decidingField === undefined ? undefined : claim.data[decidingField];
  if (decidingField !== undefined && decidedBy !== undefined && decidedBy !== agency) {
    return { field: `data.${decidingField}`, reason: `the body records a decision by ${String(decidedBy)}, but you sign in for ${agency}` };
  }
  return undefined;
}
