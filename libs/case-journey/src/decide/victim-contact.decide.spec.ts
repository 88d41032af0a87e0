import { aCaseWithAHearing, aCommand, aCrimeReport, aReportedCase, aSentencedCase, aVictim, anEvent, given, theEventOf } from '../testing/case-builders';

describe('VictimInformed', () => {
  it('records what the victim was told, about which hearing and prompted by which event', () => {
    const events = aCaseWithAHearing();
    const listing = events[events.length - 1];
    const command = aCommand(
      'VictimInformed',
      { victimId: 'victim-1', topic: 'hearing-date', channel: 'phone', hearingId: 'hearing-1', regardingEventId: listing.metadata.eventId },
      { agency: 'WCU' },
    );
    given(events).when(command).then([theEventOf(command)]);
  });

  it('breaks hearing-must-be-listed when it names a hearing never listed', () => {
    given(aReportedCase())
      .when(aCommand('VictimInformed', { victimId: 'victim-1', topic: 'hearing-date', channel: 'phone', hearingId: 'hearing-1' }))
      .thenThrows('hearing-must-be-listed', 'data.hearingId');
  });

  it('breaks referenced-event-must-exist when it cites an event the case does not hold', () => {
    given(aReportedCase())
      .when(aCommand('VictimInformed', { victimId: 'victim-1', topic: 'charge-decision', channel: 'letter', regardingEventId: 'event-from-elsewhere' }))
      .thenThrows('referenced-event-must-exist', 'data.regardingEventId');
  });
});

describe('VictimOptedOut', () => {
  it('records the opt-out', () => {
    const command = aCommand('VictimOptedOut', { victimId: 'victim-1', scope: 'all' });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });
});

describe('VictimOptedBackIn', () => {
  const optBackIn = aCommand('VictimOptedBackIn', { victimId: 'victim-1', scope: 'investigation-updates' });

  it('opts back in to a scope the victim opted out of', () => {
    given([...aReportedCase(), anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'investigation-updates' })])
      .when(optBackIn)
      .then([theEventOf(optBackIn)]);
  });

  it('opts back in to a scope the victim opted out of when registered', () => {
    given([aCrimeReport({ victims: [aVictim({ optOuts: ['investigation-updates'] })] })])
      .when(optBackIn)
      .then([theEventOf(optBackIn)]);
  });

  it('breaks opt-in-needs-opt-out when the victim never opted out', () => {
    given(aReportedCase()).when(optBackIn).thenThrows('opt-in-needs-opt-out', 'data.scope');
  });

  it('breaks opt-in-needs-opt-out when the victim opted out of another scope', () => {
    given([...aReportedCase(), anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'court-updates' })])
      .when(optBackIn)
      .thenThrows('opt-in-needs-opt-out');
  });

  it('breaks opt-in-needs-opt-out when the victim already opted back in', () => {
    given([
      ...aReportedCase(),
      anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'investigation-updates' }),
      anEvent('VictimOptedBackIn', { victimId: 'victim-1', scope: 'investigation-updates' }),
    ])
      .when(optBackIn)
      .thenThrows('opt-in-needs-opt-out');
  });
});

describe('VictimContactSchemeReferralMade', () => {
  const referral = aCommand('VictimContactSchemeReferralMade', { victimId: 'victim-1' }, { agency: 'WCU' });

  it('refers the victim once the offender is sentenced', () => {
    given(aSentencedCase()).when(referral).then([theEventOf(referral)]);
  });

  it('refers a victim who opted back in to the scheme', () => {
    given([
      ...aSentencedCase(),
      anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'victim-contact-scheme' }),
      anEvent('VictimOptedBackIn', { victimId: 'victim-1', scope: 'victim-contact-scheme' }),
    ])
      .when(referral)
      .then([theEventOf(referral)]);
  });

  it('breaks vcs-referral-needs-sentence before any sentence', () => {
    given(aCaseWithAHearing()).when(referral).thenThrows('vcs-referral-needs-sentence');
  });

  it.each(['victim-contact-scheme', 'all'] as const)('breaks referral-respects-opt-out when the victim opted out of %s', (scope) => {
    given([...aSentencedCase(), anEvent('VictimOptedOut', { victimId: 'victim-1', scope })])
      .when(referral)
      .thenThrows('referral-respects-opt-out', 'data.victimId');
  });
});

describe.each(['VictimContactSchemeReferralReceived', 'VictimLiaisonOfficerContactMade'] as const)('%s', (type) => {
  const command = () =>
    type === 'VictimContactSchemeReferralReceived'
      ? aCommand(type, { victimId: 'victim-1' }, { agency: 'Probation' })
      : aCommand(type, { victimId: 'victim-1', channel: 'letter' }, { agency: 'Probation' });

  it('is recorded once the victim was referred to the scheme', () => {
    const handoff = command();
    given([...aSentencedCase(), anEvent('VictimContactSchemeReferralMade', { victimId: 'victim-1' }, { agency: 'WCU' })])
      .when(handoff)
      .then([theEventOf(handoff)]);
  });

  it('breaks vcs-referral-must-be-made when no referral was made for this victim', () => {
    given([
      ...aSentencedCase(),
      anEvent('VictimRegistered', { victim: aVictim({ victimId: 'victim-2' }) }),
      anEvent('VictimContactSchemeReferralMade', { victimId: 'victim-2' }, { agency: 'WCU' }),
    ])
      .when(command())
      .thenThrows('vcs-referral-must-be-made', 'data.victimId');
  });
});
