import type { HandoffType } from './handoff-type';
import type { HandoffRequest } from './record-handoff.dto';
import type { ReportCrimeDto } from './report-crime.dto';

/**
 * One robbery case, from the crime report to the appeal: a valid request body for every handoff
 * type. The specs, the end-to-end test and the OpenAPI examples all draw on this one table.
 *
 * The bodies follow the journey in order, except the last three, which belong to other journeys
 * (see ALTERNATIVE_ENDINGS). The correction and retraction name placeholder event ids: replace them
 * with the id of an event actually recorded. Bodies carry source references, so the same body sent
 * twice to the same case is stored once; the crime report has no caseId, so its case id is derived
 * from its source reference: change sourceReference to open a second case from it.
 */

export const EXAMPLE_IDS = {
  victim: '3f1c2b9e-8a41-4d6f-9c55-1a2b3c4d5e6f',
  businessVictim: '8d6e4c1a-2b3f-4a5e-8c7d-9e0f1a2b3c4d',
  suspect: 'SUS-0001',
  file: 'FILE-41HT1234525-1',
  charge: 'CHG-1',
  hearing: 'HRG-41HT1234525-1',
  claim: 'EXP-2025-0042',
  appeal: 'APP-2025-0007',
  correctedEvent: '0f8e2d4c-6b1a-4c3e-9d5f-7a8b9c0d1e2f',
  retractedEvent: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
} as const;

const ROBBERY = { description: 'Robbery of a shop worker', category: 'robbery' as const };

export const CRIME_REPORT_EXAMPLE: ReportCrimeDto = {
  occurredAt: '2025-03-03T21:40:00Z',
  receivedAt: '2025-03-03T22:05:00Z',
  agency: 'Police',
  sourceSystem: 'Athena',
  sourceReference: 'ATH-2025-000184',
  urn: '41HT1234525',
  area: 'Hertfordshire',
  offence: ROBBERY,
  victims: [
    {
      victimId: EXAMPLE_IDS.victim,
      kind: 'person',
      name: 'Joanna Kowalska',
      dateOfBirth: '1987-04-12',
      email: 'j.kowalska@example.org',
      phone: '07700 900123',
      address: '12 Victoria Street, St Albans AL1 3JB',
      sex: 'female',
      ethnicity: 'white',
      contactPreference: 'phone',
      consentToReferral: true,
    },
  ],
};

const police = { agency: 'Police', sourceSystem: 'Athena' } as const;
const cps = { agency: 'CPS', sourceSystem: 'CMS' } as const;
const court = { agency: 'HMCTS', sourceSystem: 'Common Platform' } as const;
const witnessCare = { agency: 'WCU', sourceSystem: 'WMS' } as const;
const probation = { agency: 'Probation', sourceSystem: 'nDelius' } as const;

export const HANDOFF_EXAMPLES: { readonly [T in HandoffType]: HandoffRequest<T> } = {
  VictimRegistered: {
    type: 'VictimRegistered',
    ...police,
    sourceReference: 'ATH-2025-000184-V2',
    occurredAt: '2025-03-04T10:15:00Z',
    data: {
      victim: {
        victimId: EXAMPLE_IDS.businessVictim,
        kind: 'business',
        name: 'Park Street Convenience Ltd',
        contactName: 'Ravi Patel',
        email: 'manager@parkstreet.example',
        contactPreference: 'email',
        consentToReferral: false,
      },
    },
  },
  EnhancedRightsRecognised: {
    type: 'EnhancedRightsRecognised',
    ...police,
    sourceReference: 'ATH-2025-000184-ER1',
    occurredAt: '2025-03-04T10:30:00Z',
    data: { victimId: EXAMPLE_IDS.victim, grounds: [{ ground: 'intimidated' }] },
  },
  VictimNeedsAssessed: {
    type: 'VictimNeedsAssessed',
    ...police,
    sourceReference: 'ATH-2025-000184-NA1',
    occurredAt: '2025-03-04T11:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim, needsIdentified: ['emotional support', 'interpreter (Polish)'] },
  },
  VictimReferredToSupport: {
    type: 'VictimReferredToSupport',
    ...police,
    sourceReference: 'ATH-2025-000184-RS1',
    occurredAt: '2025-03-04T11:05:00Z',
    data: { victimId: EXAMPLE_IDS.victim, service: 'Hertfordshire Beacon' },
  },
  VictimDeclinedSupportReferral: {
    type: 'VictimDeclinedSupportReferral',
    ...police,
    sourceReference: 'ATH-2025-000184-RS2',
    occurredAt: '2025-03-04T11:10:00Z',
    data: { victimId: EXAMPLE_IDS.businessVictim },
  },
  SuspectEventRecorded: {
    type: 'SuspectEventRecorded',
    ...police,
    sourceReference: 'ATH-2025-000184-S1',
    occurredAt: '2025-03-05T16:00:00Z',
    data: {
      suspectId: EXAMPLE_IDS.suspect,
      kind: 'bailed',
      reasons: 'Further enquiries into CCTV',
      conditions: ['not to enter Park Street, St Albans', 'not to contact the victim'],
    },
  },
  VictimInformed: {
    type: 'VictimInformed',
    ...police,
    sourceReference: 'ATH-2025-000184-C1',
    occurredAt: '2025-03-06T09:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim, topic: 'suspect-update', channel: 'phone' },
  },
  FileSubmittedToCps: {
    type: 'FileSubmittedToCps',
    ...police,
    sourceReference: 'ATH-2025-000184-F1',
    occurredAt: '2025-03-20T09:00:00Z',
    data: { fileId: EXAMPLE_IDS.file, kind: 'pre-charge-advice' },
  },
  FileReviewed: {
    type: 'FileReviewed',
    ...cps,
    sourceReference: 'CMS-5521-R1',
    occurredAt: '2025-03-24T14:00:00Z',
    data: { fileId: EXAMPLE_IDS.file, outcome: 'accepted', missingItems: [] },
  },
  ChargeDecisionMade: {
    type: 'ChargeDecisionMade',
    ...cps,
    sourceReference: 'CMS-5521-D1',
    occurredAt: '2025-03-26T11:00:00Z',
    data: { decision: 'charge', decidedBy: 'CPS', charges: [{ chargeId: EXAMPLE_IDS.charge, offence: { description: 'Robbery', category: 'robbery' } }] },
  },
  HearingListed: {
    type: 'HearingListed',
    ...court,
    sourceReference: 'CP-9001-L1',
    occurredAt: '2025-04-01T15:00:00Z',
    data: {
      hearingId: EXAMPLE_IDS.hearing,
      hearingType: 'trial',
      court: 'St Albans Crown Court',
      courtTier: 'crown',
      scheduledFor: '2025-06-16T09:30:00Z',
    },
  },
  CourtNoticeReceived: {
    type: 'CourtNoticeReceived',
    ...witnessCare,
    sourceReference: 'WMS-3310-N1',
    occurredAt: '2025-04-01T15:30:00Z',
    receivedAt: '2025-04-02T08:10:00Z',
    data: { hearingId: EXAMPLE_IDS.hearing, notice: 'hearing-listing' },
  },
  VictimOptedOut: {
    type: 'VictimOptedOut',
    ...witnessCare,
    sourceReference: 'WMS-3310-O1',
    occurredAt: '2025-04-03T10:00:00Z',
    data: { victimId: EXAMPLE_IDS.businessVictim, scope: 'court-updates' },
  },
  VictimOptedBackIn: {
    type: 'VictimOptedBackIn',
    ...witnessCare,
    sourceReference: 'WMS-3310-O2',
    occurredAt: '2025-04-07T10:00:00Z',
    data: { victimId: EXAMPLE_IDS.businessVictim, scope: 'court-updates' },
  },
  ChargesAltered: {
    type: 'ChargesAltered',
    ...cps,
    sourceReference: 'CMS-5521-A1',
    occurredAt: '2025-04-10T12:00:00Z',
    data: {
      charges: [
        { chargeId: EXAMPLE_IDS.charge, offence: { description: 'Robbery', category: 'robbery' } },
        { chargeId: 'CHG-2', offence: { description: 'Assault occasioning actual bodily harm', category: 'violence' } },
      ],
      substantial: false,
      reasons: 'Injury confirmed by the medical report',
    },
  },
  WitnessRequired: {
    type: 'WitnessRequired',
    ...witnessCare,
    sourceReference: 'WMS-3310-W1',
    occurredAt: '2025-04-14T09:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim, hearingId: EXAMPLE_IDS.hearing },
  },
  HearingHeld: {
    type: 'HearingHeld',
    ...court,
    sourceReference: 'CP-9001-H1',
    occurredAt: '2025-06-16T09:30:00Z',
    data: { hearingId: EXAMPLE_IDS.hearing, result: 'effective' },
  },
  PleaEntered: {
    type: 'PleaEntered',
    ...court,
    sourceReference: 'CP-9001-P1',
    occurredAt: '2025-06-16T09:45:00Z',
    data: { hearingId: EXAMPLE_IDS.hearing, chargeId: EXAMPLE_IDS.charge, plea: 'not-guilty' },
  },
  VerdictReached: {
    type: 'VerdictReached',
    ...court,
    sourceReference: 'CP-9001-V1',
    occurredAt: '2025-06-19T15:00:00Z',
    data: { hearingId: EXAMPLE_IDS.hearing, verdict: 'convicted', chargeId: EXAMPLE_IDS.charge },
  },
  SentencePassed: {
    type: 'SentencePassed',
    ...court,
    sourceReference: 'CP-9001-S1',
    occurredAt: '2025-06-19T16:00:00Z',
    data: { hearingId: EXAMPLE_IDS.hearing, disposal: 'custody', custodyMonths: 30 },
  },
  ExpensesClaimReceived: {
    type: 'ExpensesClaimReceived',
    ...cps,
    sourceReference: 'CMS-5521-E1',
    occurredAt: '2025-06-20T10:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim, claimId: EXAMPLE_IDS.claim },
  },
  VictimContactSchemeReferralMade: {
    type: 'VictimContactSchemeReferralMade',
    ...witnessCare,
    sourceReference: 'WMS-3310-VCS1',
    occurredAt: '2025-06-23T11:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim },
  },
  VictimContactSchemeReferralReceived: {
    type: 'VictimContactSchemeReferralReceived',
    ...probation,
    sourceReference: 'ND-77120-R1',
    occurredAt: '2025-06-23T11:00:00Z',
    receivedAt: '2025-06-25T09:20:00Z',
    data: { victimId: EXAMPLE_IDS.victim },
  },
  ExpensesPaid: {
    type: 'ExpensesPaid',
    ...cps,
    sourceReference: 'CMS-5521-E2',
    occurredAt: '2025-07-02T10:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim, claimId: EXAMPLE_IDS.claim, amountPence: 2450 },
  },
  VictimLiaisonOfficerContactMade: {
    type: 'VictimLiaisonOfficerContactMade',
    ...probation,
    sourceReference: 'ND-77120-C1',
    occurredAt: '2025-07-08T14:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim, channel: 'letter' },
  },
  AppealLodged: {
    type: 'AppealLodged',
    ...court,
    sourceReference: 'CP-9001-A1',
    occurredAt: '2025-07-10T10:00:00Z',
    data: { appealId: EXAMPLE_IDS.appeal, by: 'defence', against: 'sentence' },
  },
  AppealDecided: {
    type: 'AppealDecided',
    ...court,
    sourceReference: 'CP-9001-A2',
    occurredAt: '2025-09-15T12:00:00Z',
    data: { appealId: EXAMPLE_IDS.appeal, outcome: 'dismissed' },
  },
  EventCorrected: {
    type: 'EventCorrected',
    ...court,
    sourceReference: 'CP-9001-L1-C1',
    occurredAt: '2025-09-16T09:00:00Z',
    data: { correctedEventId: EXAMPLE_IDS.correctedEvent, data: { court: 'St Albans Crown Court, Court 3' }, reason: 'Courtroom was left out' },
  },
  EventRetracted: {
    type: 'EventRetracted',
    ...witnessCare,
    sourceReference: 'WMS-3310-X1',
    occurredAt: '2025-09-16T09:30:00Z',
    data: { retractedEventId: EXAMPLE_IDS.retractedEvent, reason: 'Recorded against the wrong case' },
  },
  InvestigationNotPursued: {
    type: 'InvestigationNotPursued',
    ...police,
    sourceReference: 'ATH-2025-000184-INV',
    occurredAt: '2025-03-05T12:00:00Z',
    data: { reason: 'No lines of enquiry: no CCTV and no witnesses' },
  },
  ProsecutionEnded: {
    type: 'ProsecutionEnded',
    ...cps,
    sourceReference: 'CMS-5521-END',
    occurredAt: '2025-05-02T12:00:00Z',
    data: { ending: 'discontinued', reasons: 'The identification evidence was excluded' },
  },
  VictimWithdrewSupport: {
    type: 'VictimWithdrewSupport',
    ...witnessCare,
    sourceReference: 'WMS-3310-WD',
    occurredAt: '2025-05-20T10:00:00Z',
    data: { victimId: EXAMPLE_IDS.victim, stage: 'pre-trial' },
  },
};

/** Examples that end or change the journey of the others: a straight run through the table leaves them out. */
export const ALTERNATIVE_ENDINGS: readonly HandoffType[] = ['InvestigationNotPursued', 'ProsecutionEnded', 'VictimWithdrewSupport'];

/** The table as OpenAPI examples, for `@ApiBody({ type: RecordHandoffDto, examples: HANDOFF_OPENAPI_EXAMPLES })`. */
export const HANDOFF_OPENAPI_EXAMPLES: Record<HandoffType, { summary: string; value: HandoffRequest }> = Object.fromEntries(
  Object.values(HANDOFF_EXAMPLES).map((body: HandoffRequest) => [body.type, { summary: `${body.type} (${body.agency})`, value: body }]),
) as Record<HandoffType, { summary: string; value: HandoffRequest }>;

export const CRIME_REPORT_OPENAPI_EXAMPLES = {
  robbery: { summary: 'A robbery with one person victim (Police)', value: CRIME_REPORT_EXAMPLE },
};
