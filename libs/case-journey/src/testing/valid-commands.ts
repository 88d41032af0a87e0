import type { CaseCommand, CommandMetadata, RecordCommand } from '../commands';
import type { CaseEvent, CaseEventType } from '../events';
import {
  aCaseWithAHearing,
  aChargedCase,
  aCharge,
  aCommand,
  aConvictedCase,
  anEvent,
  aReportedCase,
  aSentencedCase,
  aVictim,
} from './case-builders';

export interface Scenario<T extends CaseEventType> {
  given: CaseEvent[];
  command: RecordCommand<T>;
}

/**
 * For every command type, a case and a command the journey accepts. The compiler insists on one
 * per type, so rules every command obeys are specified against every command.
 */
export const VALID_COMMANDS: { [T in CaseEventType]: () => Scenario<T> } = {
  CrimeReported: () => ({
    given: [],
    command: aCommand(
      'CrimeReported',
      { area: 'Hertfordshire', offence: { description: 'Burglary dwelling', category: 'burglary' }, victims: [aVictim()] },
      { occurredAt: '2026-03-02T09:00:00.000Z' },
    ),
  }),
  VictimRegistered: () => ({ given: aReportedCase(), command: aCommand('VictimRegistered', { victim: aVictim({ victimId: 'victim-2' }) }) }),
  EnhancedRightsRecognised: () => ({
    given: aReportedCase(),
    command: aCommand('EnhancedRightsRecognised', {
      victimId: 'victim-1',
      grounds: [{ ground: 'intimidated', decidedBy: 'Police', decidedAt: '2026-03-31T10:00:00.000Z' }],
    }),
  }),
  VictimNeedsAssessed: () => ({ given: aReportedCase(), command: aCommand('VictimNeedsAssessed', { victimId: 'victim-1', needsIdentified: ['interpreter'] }) }),
  VictimReferredToSupport: () => ({ given: aReportedCase(), command: aCommand('VictimReferredToSupport', { victimId: 'victim-1', service: 'Victim Support' }) }),
  VictimDeclinedSupportReferral: () => ({ given: aReportedCase(), command: aCommand('VictimDeclinedSupportReferral', { victimId: 'victim-1' }) }),
  InvestigationNotPursued: () => ({ given: aReportedCase(), command: aCommand('InvestigationNotPursued', { reason: 'No lines of enquiry' }) }),
  SuspectEventRecorded: () => ({ given: aReportedCase(), command: aCommand('SuspectEventRecorded', { suspectId: 'suspect-1', kind: 'arrested' }) }),
  FileSubmittedToCps: () => ({ given: aReportedCase(), command: aCommand('FileSubmittedToCps', { fileId: 'file-1', kind: 'full-file' }) }),
  FileReviewed: () => ({
    given: [...aReportedCase(), anEvent('FileSubmittedToCps', { fileId: 'file-1', kind: 'full-file' })],
    command: aCommand('FileReviewed', { fileId: 'file-1', outcome: 'accepted', missingItems: [] }, { agency: 'CPS' }),
  }),
  ChargeDecisionMade: () => ({
    given: aReportedCase(),
    command: aCommand('ChargeDecisionMade', { decision: 'charge', decidedBy: 'CPS', charges: [aCharge()] }, { agency: 'CPS' }),
  }),
  ChargesAltered: () => ({
    given: aChargedCase(),
    command: aCommand('ChargesAltered', { charges: [aCharge('charge-2')], substantial: true, reasons: 'Injuries more serious' }, { agency: 'CPS' }),
  }),
  ProsecutionEnded: () => ({
    given: aChargedCase(),
    command: aCommand('ProsecutionEnded', { ending: 'discontinued', reasons: 'Key witness unavailable' }, { agency: 'CPS' }),
  }),
  HearingListed: () => ({
    given: aChargedCase(),
    command: aCommand(
      'HearingListed',
      { hearingId: 'hearing-1', hearingType: 'first', court: 'St Albans Magistrates', courtTier: 'magistrates', scheduledFor: '2026-04-14T10:00:00.000Z' },
      { agency: 'HMCTS' },
    ),
  }),
  CourtNoticeReceived: () => ({
    given: aCaseWithAHearing(),
    command: aCommand('CourtNoticeReceived', { hearingId: 'hearing-1', notice: 'hearing-listing' }, { agency: 'WCU', receivedAt: '2026-03-31T11:00:00.000Z' }),
  }),
  HearingHeld: () => ({ given: aCaseWithAHearing(), command: aCommand('HearingHeld', { hearingId: 'hearing-1', result: 'effective' }, { agency: 'HMCTS' }) }),
  PleaEntered: () => ({ given: aCaseWithAHearing(), command: aCommand('PleaEntered', { hearingId: 'hearing-1', plea: 'not-guilty' }, { agency: 'HMCTS' }) }),
  WitnessRequired: () => ({ given: aCaseWithAHearing(), command: aCommand('WitnessRequired', { victimId: 'victim-1', hearingId: 'hearing-1' }, { agency: 'WCU' }) }),
  VerdictReached: () => ({ given: aCaseWithAHearing(), command: aCommand('VerdictReached', { hearingId: 'hearing-1', verdict: 'convicted' }, { agency: 'HMCTS' }) }),
  SentencePassed: () => ({
    given: aConvictedCase(),
    command: aCommand('SentencePassed', { hearingId: 'hearing-1', disposal: 'custody', custodyMonths: 24 }, { agency: 'HMCTS' }),
  }),
  AppealLodged: () => ({
    given: aSentencedCase(),
    command: aCommand('AppealLodged', { appealId: 'appeal-1', by: 'defence', against: 'sentence' }, { agency: 'HMCTS' }),
  }),
  AppealDecided: () => ({
    given: [...aSentencedCase(), anEvent('AppealLodged', { appealId: 'appeal-1', by: 'defence', against: 'sentence' })],
    command: aCommand('AppealDecided', { appealId: 'appeal-1', outcome: 'dismissed' }, { agency: 'HMCTS' }),
  }),
  VictimInformed: () => ({
    given: aReportedCase(),
    command: aCommand('VictimInformed', { victimId: 'victim-1', topic: 'crime-report-confirmation', channel: 'email' }),
  }),
  VictimOptedOut: () => ({ given: aReportedCase(), command: aCommand('VictimOptedOut', { victimId: 'victim-1', scope: 'court-updates' }) }),
  VictimOptedBackIn: () => ({
    given: [...aReportedCase(), anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'court-updates' })],
    command: aCommand('VictimOptedBackIn', { victimId: 'victim-1', scope: 'court-updates' }),
  }),
  VictimWithdrewSupport: () => ({ given: aReportedCase(), command: aCommand('VictimWithdrewSupport', { victimId: 'victim-1', stage: 'investigation' }) }),
  VictimContactSchemeReferralMade: () => ({
    given: aSentencedCase(),
    command: aCommand('VictimContactSchemeReferralMade', { victimId: 'victim-1' }, { agency: 'WCU' }),
  }),
  VictimContactSchemeReferralReceived: () => ({
    given: [...aSentencedCase(), anEvent('VictimContactSchemeReferralMade', { victimId: 'victim-1' }, { agency: 'WCU' })],
    command: aCommand('VictimContactSchemeReferralReceived', { victimId: 'victim-1' }, { agency: 'Probation', receivedAt: '2026-03-31T12:00:00.000Z' }),
  }),
  VictimLiaisonOfficerContactMade: () => ({
    given: [...aSentencedCase(), anEvent('VictimContactSchemeReferralMade', { victimId: 'victim-1' }, { agency: 'WCU' })],
    command: aCommand('VictimLiaisonOfficerContactMade', { victimId: 'victim-1', channel: 'phone' }, { agency: 'Probation' }),
  }),
  ExpensesClaimReceived: () => ({
    given: aCaseWithAHearing(),
    command: aCommand('ExpensesClaimReceived', { victimId: 'victim-1', claimId: 'claim-1' }, { agency: 'CPS' }),
  }),
  ExpensesPaid: () => ({
    given: [...aCaseWithAHearing(), anEvent('ExpensesClaimReceived', { victimId: 'victim-1', claimId: 'claim-1' }, { agency: 'CPS' })],
    command: aCommand('ExpensesPaid', { victimId: 'victim-1', claimId: 'claim-1', amountPence: 1250 }, { agency: 'CPS' }),
  }),
  VictimDataErased: () => ({
    given: aReportedCase(),
    command: aCommand('VictimDataErased', { victimId: 'victim-1', basis: 'request', reason: 'Erasure request DP-2026-0042 upheld' }),
  }),
  EventCorrected: () => {
    const given = aCaseWithAHearing();
    const listing = given[given.length - 1];
    return {
      given,
      command: aCommand(
        'EventCorrected',
        { correctedEventId: listing.metadata.eventId, data: { court: 'Watford Magistrates' }, reason: 'Listed at the wrong court' },
        { agency: 'HMCTS' },
      ),
    };
  },
  EventRetracted: () => {
    const given = aCaseWithAHearing();
    const listing = given[given.length - 1];
    return {
      given,
      command: aCommand('EventRetracted', { retractedEventId: listing.metadata.eventId, reason: 'Entered on the wrong case' }, { agency: 'HMCTS' }),
    };
  },
};

/** The accepted scenario for a type, widened so that it can be altered into one that breaks a rule. */
export const scenarioFor = (type: CaseEventType) => VALID_COMMANDS[type]() as { given: CaseEvent[]; command: CaseCommand };

export const withData = (command: CaseCommand, data: Record<string, unknown>): CaseCommand =>
  ({ ...command, data: { ...command.data, ...data } }) as CaseCommand;

export const withMetadata = (command: CaseCommand, metadata: Partial<CommandMetadata>): CaseCommand =>
  ({ ...command, metadata: { ...command.metadata, ...metadata } }) as CaseCommand;
