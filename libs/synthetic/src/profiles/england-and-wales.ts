import type { OffenceCategory } from '@case-journey/domain';
import type { AreaProfile, CodePerformance, GeneratorProfile, OffenceProfile } from '../profile';

/**
 * The calibration every profile starts from. Trial outcomes follow the published figures the
 * issue cites (Crown Court 2021: 48% effective, 23% ineffective; 35% of trials cracked in
 * 2014/15); the 29% of closures where the victim withdrew support follows the same brief. The
 * rest are plausible round numbers, weighted so that a small demo still shows court hearings,
 * homicide cases with bereaved families and Victim Contact Scheme referrals; they are not
 * official statistics.
 */

type OffenceTraits = Omit<OffenceProfile, 'share'>;

const grave = (traits: Partial<OffenceTraits>): OffenceTraits => ({
  chargeShare: 0.45,
  outOfCourtShare: 0,
  cpsCharges: true,
  crownCourtShare: 1,
  sentencing: 'grave',
  businessVictimShare: 0,
  persistentlyTargetedShare: 0.02,
  under18Share: 0.1,
  femaleShare: 0.5,
  ...traits,
});

const everyday = (traits: Partial<OffenceTraits>): OffenceTraits => ({
  chargeShare: 0.12,
  outOfCourtShare: 0.06,
  cpsCharges: false,
  crownCourtShare: 0.05,
  sentencing: 'general',
  businessVictimShare: 0,
  persistentlyTargetedShare: 0.01,
  under18Share: 0.05,
  femaleShare: 0.5,
  ...traits,
});

const mix: Record<OffenceCategory, [share: number, traits: OffenceTraits]> = {
  homicide: [0.005, grave({ chargeShare: 0.8, under18Share: 0, persistentlyTargetedShare: 0 })],
  'domestic-abuse': [
    0.14,
    grave({ chargeShare: 0.2, outOfCourtShare: 0.02, crownCourtShare: 0.1, sentencing: 'violent', persistentlyTargetedShare: 0.5, under18Share: 0.03, femaleShare: 0.75 }),
  ],
  'hate-crime': [0.02, grave({ chargeShare: 0.15, outOfCourtShare: 0.05, crownCourtShare: 0.1, sentencing: 'violent', persistentlyTargetedShare: 0.3, under18Share: 0.1 })],
  terrorism: [0.0005, grave({ chargeShare: 0.5, under18Share: 0.05 })],
  sexual: [0.035, grave({ chargeShare: 0.1, crownCourtShare: 0.75, under18Share: 0.4, femaleShare: 0.85 })],
  'human-trafficking': [0.002, grave({ chargeShare: 0.2, under18Share: 0.3, femaleShare: 0.6 })],
  'attempted-murder': [0.001, grave({ chargeShare: 0.6 })],
  kidnap: [0.002, grave({ chargeShare: 0.4, under18Share: 0.3 })],
  'false-imprisonment': [0.002, grave({ chargeShare: 0.35, crownCourtShare: 0.9, femaleShare: 0.7 })],
  'arson-endangering-life': [0.002, grave({ chargeShare: 0.3, under18Share: 0.05 })],
  'wounding-gbh-with-intent': [0.006, grave({ chargeShare: 0.4, femaleShare: 0.25 })],
  'stalking-harassment': [
    0.1,
    everyday({ chargeShare: 0.1, outOfCourtShare: 0.03, cpsCharges: true, crownCourtShare: 0.1, sentencing: 'violent', persistentlyTargetedShare: 0.9, femaleShare: 0.7 }),
  ],
  violence: [0.16, everyday({ chargeShare: 0.15, crownCourtShare: 0.12, sentencing: 'violent', persistentlyTargetedShare: 0.03, under18Share: 0.15, femaleShare: 0.4 })],
  robbery: [0.015, everyday({ chargeShare: 0.15, outOfCourtShare: 0.01, cpsCharges: true, crownCourtShare: 0.7, sentencing: 'violent', under18Share: 0.25, femaleShare: 0.25 })],
  burglary: [0.05, everyday({ chargeShare: 0.07, outOfCourtShare: 0.02, crownCourtShare: 0.25, businessVictimShare: 0.2, under18Share: 0 })],
  theft: [0.25, everyday({ chargeShare: 0.1, businessVictimShare: 0.35 })],
  'criminal-damage': [0.08, everyday({ chargeShare: 0.08, crownCourtShare: 0.03, businessVictimShare: 0.3, persistentlyTargetedShare: 0.03, under18Share: 0.03 })],
  fraud: [0.04, everyday({ chargeShare: 0.05, outOfCourtShare: 0.01, cpsCharges: true, crownCourtShare: 0.2, businessVictimShare: 0.4, persistentlyTargetedShare: 0.02, under18Share: 0.01 })],
  drugs: [0, everyday({ crownCourtShare: 0.3 })],
  'public-order': [0.04, everyday({ chargeShare: 0.12, crownCourtShare: 0.03, persistentlyTargetedShare: 0.05, under18Share: 0.1 })],
  other: [0.04, everyday({ crownCourtShare: 0.1, businessVictimShare: 0.1, under18Share: 0.1 })],
};

export const OFFENCE_MIX = Object.fromEntries(
  Object.entries(mix).map(([category, [share, traits]]) => [category, { share, ...traits }]),
) as Record<OffenceCategory, OffenceProfile>;

/** An area's agencies, all meeting their Code deadlines at the same rate; override per agency. */
export function codePerformance(onTime: number, overrides: Partial<Record<keyof AreaProfile['codePerformance'], number>> = {}): AreaProfile['codePerformance'] {
  const at = (rate: number, neverMet = 0.25): CodePerformance => ({ onTime: rate, neverMet, lateBy: { medianDays: 3, p90Days: 15 } });
  return {
    Police: at(overrides.Police ?? onTime),
    CPS: at(overrides.CPS ?? onTime),
    // A court result always reaches the WCU in the end: a lost one would count against the WCU's clock.
    HMCTS: at(overrides.HMCTS ?? onTime, 0),
    WCU: at(overrides.WCU ?? onTime),
    Probation: at(overrides.Probation ?? onTime),
  };
}

/** Everything but the name, size, clock and areas. */
export const ENGLAND_AND_WALES: Omit<GeneratorProfile, 'name' | 'cases' | 'now' | 'reportingDays' | 'areas'> = {
  offences: OFFENCE_MIX,
  victims: {
    perCase: { '1': 0.88, '2': 0.09, '3': 0.03 },
    bereavedFamiliesPerHomicide: { '1': 0.7, '2': 0.3 },
    identifiedLaterShare: 0.3,
    identifiedLaterAfter: { medianDays: 3, p90Days: 20 },
    persistentlyTargetedRecognisedLaterShare: 0.3,
    recognisedLaterAfter: { medianDays: 7, p90Days: 30 },
    consentToReferral: 0.7,
    optOutOfSupport: 0.1,
    optOutOfUpdates: 0.03,
    contactPreference: { phone: 0.45, email: 0.25, letter: 0.1, sms: 0.15, 'in-person': 0.03, video: 0.02 },
    adultAgeBands: { '18-24': 0.17, '25-34': 0.24, '35-44': 0.2, '45-54': 0.16, '55-64': 0.11, '65-plus': 0.09, unknown: 0.03 },
    ethnicity: { white: 0.78, asian: 0.09, black: 0.04, mixed: 0.03, other: 0.02, 'not-stated': 0.04 },
    sexNotStated: 0.03,
    touchpointsMet: 0.9,
    touchpointsAfter: { medianDays: 1, p90Days: 10 },
  },
  investigation: {
    closedBecause: { 'not-investigated': 0.4, 'victim-withdrew': 0.29, 'evidential-difficulties': 0.31 },
    screenedOutAfter: { medianDays: 1.5, p90Days: 7 },
    suspectIdentifiedAfter: { medianDays: 5, p90Days: 45 },
    arrested: 0.65,
    releasedUnderInvestigation: 0.45,
    decisionAfter: { medianDays: 30, p90Days: 120 },
    cpsReview: { medianDays: 10, p90Days: 35 },
    fileReturned: 0.25,
    missingItems: [
      'MG3 report to prosecutor',
      'MG5 case summary',
      'MG6 disclosure schedules',
      'MG11 witness statements',
      'body-worn video',
      'CCTV',
      'medical evidence',
      'phone download',
      'victim personal statement',
    ],
    resubmittedAfter: { medianDays: 10, p90Days: 40 },
  },
  prosecution: {
    anticipatedGuiltyPlea: 0.6,
    guiltyPleaWhenAnticipated: 0.85,
    guiltyPleaOtherwise: 0.1,
    firstHearingAfterCharge: {
      anticipatedGuilty: { medianDays: 14, p90Days: 21 },
      anticipatedNotGuilty: { medianDays: 28, p90Days: 42 },
    },
    sentToCrownCourtFor: { medianDays: 28, p90Days: 42 },
    trialAfterPlea: { magistrates: { medianDays: 100, p90Days: 200 }, crown: { medianDays: 240, p90Days: 500 } },
    relistedAfter: { medianDays: 60, p90Days: 150 },
    trialOutcomes: {
      crown: { effective: 0.48, cracked: 0.29, ineffective: 0.23 },
      magistrates: { effective: 0.44, cracked: 0.35, ineffective: 0.21 },
    },
    vacated: 0.03,
    ineffectiveReasons: [
      { code: 'P1', description: 'prosecution witness absent', group: 'prosecution', share: 0.14 },
      { code: 'P2', description: 'prosecution not ready (disclosure)', group: 'prosecution', share: 0.1 },
      { code: 'P3', description: 'prosecution advocate unavailable', group: 'prosecution', share: 0.04 },
      { code: 'D1', description: 'defendant absent or unfit', group: 'defence', share: 0.14 },
      { code: 'D2', description: 'defence not ready', group: 'defence', share: 0.1 },
      { code: 'D3', description: 'defendant not produced from custody', group: 'defence', share: 0.05 },
      { code: 'D4', description: 'defence advocate unavailable', group: 'defence', share: 0.06 },
      { code: 'C1', description: 'another case overran', group: 'court', share: 0.12 },
      { code: 'C2', description: 'no judge or magistrate available', group: 'court', share: 0.08 },
      { code: 'C3', description: 'over-listing', group: 'court', share: 0.06 },
      { code: 'C4', description: 'equipment or accommodation failure', group: 'court', share: 0.03 },
      { code: 'O1', description: 'other', group: 'other', share: 0.08 },
    ],
    crackedReasons: { 'late-guilty-plea': 0.55, 'guilty-plea-to-alternative': 0.15, 'no-evidence-offered': 0.2, 'bind-over': 0.05, other: 0.05 },
    convictedAtTrial: { magistrates: 0.65, crown: 0.6 },
    bailAtFirstHearing: { 'conditional-bail': 0.45, 'unconditional-bail': 0.3, 'remanded-in-custody': 0.22, 'warrant-issued': 0.03 },
    sentencedSameDay: { magistrates: 0.6, crown: 0.15 },
    sentenceAdjournedFor: { medianDays: 21, p90Days: 35 },
    chargesAltered: 0.1,
    substantialAlteration: 0.4,
    discontinued: 0.07,
    victimWithdrawsBeforeTrial: 0.04,
    witnessRequiredAfter: { medianDays: 2, p90Days: 7 },
    witnessCareReceivesAfter: { medianDays: 1, p90Days: 4 },
    expensesClaimed: 0.3,
    expensesClaimAfter: { medianDays: 7, p90Days: 30 },
    appealed: 0.06,
    appealDecidedAfter: { medianDays: 120, p90Days: 300 },
    listingNoticeAfter: { medianDays: 1, p90Days: 3 },
  },
  sentencing: {
    grave: {
      disposals: { custody: 0.8, 'suspended-sentence': 0.08, 'community-order': 0.05, 'hospital-order': 0.04, other: 0.03 },
      custodyMonths: { median: 72, p90: 240 },
    },
    violent: {
      disposals: { custody: 0.3, 'suspended-sentence': 0.25, 'community-order': 0.28, fine: 0.08, discharge: 0.05, 'hospital-order': 0.01, other: 0.03 },
      custodyMonths: { median: 9, p90: 30 },
    },
    general: {
      disposals: { custody: 0.15, 'suspended-sentence': 0.15, 'community-order': 0.3, fine: 0.3, discharge: 0.08, other: 0.02 },
      custodyMonths: { median: 6, p90: 20 },
    },
  },
  victimContactScheme: {
    optOut: 0.2,
    optBackIn: 0.25,
    optBackInAfter: { medianDays: 90, p90Days: 300 },
    receivedAfter: { medianDays: 2, p90Days: 8 },
  },
  feeds: {
    recordedAfter: { medianDays: 0.01, p90Days: 0.25 },
    lateRecorded: 0.04,
    lateRecordedAfter: { medianDays: 3, p90Days: 14 },
    corrected: 0.01,
    retracted: 0.005,
    duplicateDelivery: 0.003,
  },
};
