import type { CaseEventType } from '../events';
import { aCommand, aCrimeReport, aReportedCase, aVictim, anEvent, given, theEventOf } from '../testing/case-builders';
import { scenarioFor, withData } from '../testing/valid-commands';

/** Every command about one victim, from every family: each needs the victim to be known to the case. */
const ABOUT_A_VICTIM: CaseEventType[] = [
  'EnhancedRightsRecognised',
  'VictimNeedsAssessed',
  'VictimReferredToSupport',
  'VictimDeclinedSupportReferral',
  'VictimWithdrewSupport',
  'WitnessRequired',
  'VictimInformed',
  'VictimOptedOut',
  'VictimOptedBackIn',
  'VictimContactSchemeReferralMade',
  'VictimContactSchemeReferralReceived',
  'VictimLiaisonOfficerContactMade',
  'ExpensesClaimReceived',
  'ExpensesPaid',
  'VictimDataErased',
];

describe.each(ABOUT_A_VICTIM)('%s', (type) => {
  it('breaks victim-must-be-known for a victim the case does not hold', () => {
    const { given: events, command } = scenarioFor(type);
    given(events).when(withData(command, { victimId: 'victim-9' })).thenThrows('victim-must-be-known', 'data.victimId');
  });
});

describe.each(ABOUT_A_VICTIM.filter((type) => type !== 'VictimDataErased'))('%s about a victim whose data was erased', (type) => {
  it('breaks erased-victim-takes-no-records, even for something that happened before the erasure', () => {
    const { given: events, command } = scenarioFor(type);
    const erasure = anEvent('VictimDataErased', { victimId: 'victim-1', basis: 'request', reason: 'Request upheld' }, { occurredAt: '2026-04-30T10:00:00.000Z' });
    given([...events, erasure]).when(command).thenThrows('erased-victim-takes-no-records', 'data.victimId');
  });
});

describe('VictimRegistered', () => {
  it('adds a victim to the case', () => {
    const command = aCommand('VictimRegistered', { victim: aVictim({ victimId: 'victim-2' }) });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });

  it('breaks victim-id-must-be-unique for an id the case already holds', () => {
    given(aReportedCase())
      .when(aCommand('VictimRegistered', { victim: aVictim({ victimId: 'victim-1' }) }))
      .thenThrows('victim-id-must-be-unique', 'data.victim.victimId');
  });
});

describe('EnhancedRightsRecognised', () => {
  it('records the grounds for a known victim', () => {
    const command = aCommand('EnhancedRightsRecognised', {
      victimId: 'victim-1',
      grounds: [{ ground: 'persistently-targeted', decidedBy: 'WCU', decidedAt: '2026-03-31T10:00:00.000Z' }],
    });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });
});

describe('VictimNeedsAssessed', () => {
  it('records the needs identified', () => {
    const command = aCommand('VictimNeedsAssessed', { victimId: 'victim-1', needsIdentified: ['special-measures', 'interpreter'] });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });
});

describe('VictimReferredToSupport', () => {
  const referral = (victimId = 'victim-1') => aCommand('VictimReferredToSupport', { victimId, service: 'Victim Support' });
  const sexualOffence = { description: 'Sexual assault', category: 'sexual' } as const;

  it('refers a victim who has not opted out', () => {
    const command = referral();
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });

  it('refers a victim of a sexual offence who consented', () => {
    const command = referral();
    given([aCrimeReport({ offence: sexualOffence, victims: [aVictim({ consentToReferral: true })] })]).when(command).then([theEventOf(command)]);
  });

  it('does not need consent for an offence outside the consent categories', () => {
    const command = referral();
    given([aCrimeReport({ victims: [aVictim({ consentToReferral: false })] })]).when(command).then([theEventOf(command)]);
  });

  it.each(['support-referral', 'all'] as const)('breaks referral-respects-opt-out when the victim opted out of %s', (scope) => {
    given([...aReportedCase(), anEvent('VictimOptedOut', { victimId: 'victim-1', scope })])
      .when(referral())
      .thenThrows('referral-respects-opt-out', 'data.victimId');
  });

  it('breaks referral-respects-opt-out when the victim registered already opted out', () => {
    given([aCrimeReport({ victims: [aVictim({ optOuts: ['support-referral'] })] })])
      .when(referral())
      .thenThrows('referral-respects-opt-out');
  });

  it.each([
    ['a sexual offence', aCrimeReport({ offence: sexualOffence, victims: [aVictim({ consentToReferral: false })] })],
    ['domestic abuse', aCrimeReport({ offence: { description: 'Assault', category: 'domestic-abuse' }, victims: [aVictim({ consentToReferral: false })] })],
    ['a bereaved family', aCrimeReport({ victims: [aVictim({ kind: 'bereaved-family', consentToReferral: false })] })],
    [
      'a bereaved close relative',
      aCrimeReport({
        victims: [
          aVictim({
            consentToReferral: false,
            enhancedGrounds: [{ ground: 'bereaved-close-relative', decidedBy: 'Police', decidedAt: '2026-03-02T09:00:00.000Z' }],
          }),
        ],
      }),
    ],
  ])('breaks referral-needs-consent for %s without consent', (_case, report) => {
    given([report]).when(referral()).thenThrows('referral-needs-consent', 'data.victimId');
  });
});

describe('VictimDeclinedSupportReferral', () => {
  it('records the refusal', () => {
    const command = aCommand('VictimDeclinedSupportReferral', { victimId: 'victim-1' });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });
});

describe('VictimWithdrewSupport', () => {
  it('records the withdrawal and its stage', () => {
    const command = aCommand('VictimWithdrewSupport', { victimId: 'victim-1', stage: 'pre-charge' });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });
});

describe('WitnessRequired', () => {
  it('may name no hearing yet', () => {
    const command = aCommand('WitnessRequired', { victimId: 'victim-1' }, { agency: 'WCU' });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });

  it('breaks hearing-must-be-listed when it names a hearing never listed', () => {
    given(aReportedCase())
      .when(aCommand('WitnessRequired', { victimId: 'victim-1', hearingId: 'hearing-9' }, { agency: 'WCU' }))
      .thenThrows('hearing-must-be-listed', 'data.hearingId');
  });
});

describe('VictimDataErased', () => {
  const erasure = (victimId = 'victim-1') =>
    aCommand('VictimDataErased', { victimId, basis: 'request', reason: 'Erasure request DP-2026-0042 upheld' });

  it("records the erasure of a known victim's personal data", () => {
    const command = erasure();
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });

  it('erases one victim of a case and leaves the others', () => {
    const command = erasure('victim-2');
    given([...aReportedCase(), anEvent('VictimRegistered', { victim: aVictim({ victimId: 'victim-2' }) }), anEvent('VictimDataErased', { victimId: 'victim-1', basis: 'request', reason: 'Request upheld' })])
      .when(command)
      .then([theEventOf(command)]);
  });

  it('breaks victim-data-erased-once for a victim already erased', () => {
    given([...aReportedCase(), anEvent('VictimDataErased', { victimId: 'victim-1', basis: 'retention', reason: 'Retention period ended' })])
      .when(erasure())
      .thenThrows('victim-data-erased-once', 'data.victimId');
  });
});
