/**
 * Terse builders for the events of a case journey, for specs and scenarios. Each takes the event
 * id and when it happened (ISO, UTC); optional metadata sets recordedAt, receivedAt or the agency.
 */
import type {
  Agency,
  BailOutcome,
  CaseEventMetadata,
  ChargeDecider,
  ChargeDecision,
  CourtNotice,
  Disposal,
  EnhancedGround,
  InformationTopic,
  OffenceCategory,
  OptOutScope,
  ProsecutionEnding,
  SuspectEventKind,
  VictimRegistration,
} from '@case-journey/domain';
import { caseEvent } from './case-events';

type Meta = Partial<CaseEventMetadata>;

export const reported = (id: string, at: string, victims: VictimRegistration[], category: OffenceCategory = 'burglary', meta: Meta = {}) =>
  caseEvent('CrimeReported', id, at, 'Police', { area: 'Hertfordshire', offence: { description: category, category }, victims }, meta);

export const registered = (id: string, at: string, victim: VictimRegistration, meta: Meta = {}) =>
  caseEvent('VictimRegistered', id, at, 'Police', { victim }, meta);

export const recognised = (id: string, at: string, victimId: string, ground: EnhancedGround, decidedBy: Agency, meta: Meta = {}) =>
  caseEvent('EnhancedRightsRecognised', id, at, decidedBy, { victimId, grounds: [{ ground, decidedBy, decidedAt: at }] }, meta);

export const needsAssessed = (id: string, at: string, victimId = 'v1', agency: Agency = 'Police') =>
  caseEvent('VictimNeedsAssessed', id, at, agency, { victimId, needsIdentified: [] });

export const referred = (id: string, at: string, victimId = 'v1', meta: Meta = {}) =>
  caseEvent('VictimReferredToSupport', id, at, 'Police', { victimId, service: 'Beacon' }, meta);

export const declined = (id: string, at: string, victimId = 'v1') => caseEvent('VictimDeclinedSupportReferral', id, at, 'Police', { victimId });

export const notPursued = (id: string, at: string) => caseEvent('InvestigationNotPursued', id, at, 'Police', { reason: 'no lines of enquiry' });

export const suspect = (id: string, at: string, kind: SuspectEventKind) => caseEvent('SuspectEventRecorded', id, at, 'Police', { suspectId: 's1', kind });

export const charged = (id: string, at: string, decision: ChargeDecision, decidedBy: ChargeDecider, category: OffenceCategory = 'burglary') =>
  caseEvent('ChargeDecisionMade', id, at, decidedBy, {
    decision,
    decidedBy,
    charges: decision === 'charge' ? [{ chargeId: `${id}-c1`, offence: { description: category, category } }] : [],
  });

export const altered = (id: string, at: string, substantial: boolean) =>
  caseEvent('ChargesAltered', id, at, 'CPS', { charges: [], substantial, reasons: 'review' });

export const ended = (id: string, at: string, ending: ProsecutionEnding) => caseEvent('ProsecutionEnded', id, at, 'CPS', { ending, reasons: 'review' });

export const listed = (id: string, at: string, hearingId: string, meta: Meta = {}) =>
  caseEvent('HearingListed', id, at, 'HMCTS', { hearingId, hearingType: 'trial', court: 'St Albans Crown Court', courtTier: 'crown', scheduledFor: '2027-06-01T09:00:00.000Z' }, meta);

/** The Witness Care Unit received the court's information about a hearing: `at` is when the court sent it, `meta.receivedAt` when it arrived. */
export const courtNotice = (id: string, at: string, hearingId: string, notice: CourtNotice, agency: Agency = 'WCU', meta: Meta = {}) =>
  caseEvent('CourtNoticeReceived', id, at, agency, { hearingId, notice }, meta);

export const held = (id: string, at: string, hearingId: string, bailOutcome?: BailOutcome) =>
  caseEvent('HearingHeld', id, at, 'HMCTS', { hearingId, result: 'adjourned', ...(bailOutcome ? { bailOutcome } : {}) });

export const witnessRequired = (id: string, at: string, victimId: string, hearingId?: string, meta: Meta = {}) =>
  caseEvent('WitnessRequired', id, at, 'CPS', { victimId, ...(hearingId ? { hearingId } : {}) }, meta);

export const verdict = (id: string, at: string, hearingId: string, chargeId?: string) =>
  caseEvent('VerdictReached', id, at, 'HMCTS', { hearingId, verdict: 'convicted', ...(chargeId ? { chargeId } : {}) });

export const sentenced = (id: string, at: string, hearingId: string, disposal: Disposal, custodyMonths?: number) =>
  caseEvent('SentencePassed', id, at, 'HMCTS', { hearingId, disposal, ...(custodyMonths === undefined ? {} : { custodyMonths }) });

export const appealLodged = (id: string, at: string) =>
  caseEvent('AppealLodged', id, at, 'HMCTS', { appealId: 'a1', by: 'defence', against: 'sentence' });

export interface ToldOptions {
  victim?: string;
  hearingId?: string;
  regarding?: string;
  recordedAt?: string;
}

/** The victim was told about `topic` by `agency`. */
export const told = (id: string, at: string, topic: InformationTopic, agency: Agency, options: ToldOptions = {}) =>
  caseEvent(
    'VictimInformed',
    id,
    at,
    agency,
    {
      victimId: options.victim ?? 'v1',
      topic,
      channel: 'phone',
      ...(options.hearingId ? { hearingId: options.hearingId } : {}),
      ...(options.regarding ? { regardingEventId: options.regarding } : {}),
    },
    options.recordedAt ? { recordedAt: options.recordedAt } : {},
  );

export const optedOut = (id: string, at: string, scope: OptOutScope, victimId = 'v1') =>
  caseEvent('VictimOptedOut', id, at, 'WCU', { victimId, scope });

export const optedBackIn = (id: string, at: string, scope: OptOutScope, victimId = 'v1') =>
  caseEvent('VictimOptedBackIn', id, at, 'WCU', { victimId, scope });

export const withdrewSupport = (id: string, at: string, victimId = 'v1') =>
  caseEvent('VictimWithdrewSupport', id, at, 'Police', { victimId, stage: 'pre-trial' });

export const vcsReferralMade = (id: string, at: string, victimId = 'v1', agency: Agency = 'WCU') =>
  caseEvent('VictimContactSchemeReferralMade', id, at, agency, { victimId });

export const vcsReferralReceived = (id: string, at: string, victimId = 'v1') =>
  caseEvent('VictimContactSchemeReferralReceived', id, at, 'Probation', { victimId });

export const vloContact = (id: string, at: string, victimId = 'v1') =>
  caseEvent('VictimLiaisonOfficerContactMade', id, at, 'Probation', { victimId, channel: 'phone' });

export const expensesClaim = (id: string, at: string, claimId: string, victimId = 'v1') =>
  caseEvent('ExpensesClaimReceived', id, at, 'CPS', { victimId, claimId });

export const expensesPaid = (id: string, at: string, claimId: string, victimId = 'v1') =>
  caseEvent('ExpensesPaid', id, at, 'CPS', { victimId, claimId, amountPence: 2450 });

export const corrected = (id: string, at: string, correctedEventId: string, change: { data?: Record<string, unknown>; occurredAt?: string; receivedAt?: string }) =>
  caseEvent('EventCorrected', id, at, 'Police', { correctedEventId, ...change, reason: 'corrected at source' });

export const retracted = (id: string, at: string, retractedEventId: string) =>
  caseEvent('EventRetracted', id, at, 'Police', { retractedEventId, reason: 'recorded on the wrong case' });
