import type { HearingHeld } from '../events';
import {
  aCaseWithAHearing,
  aChargeDecision,
  aChargedCase,
  aCommand,
  aHearingListing,
  aReportedCase,
  anEvent,
  given,
  theEventOf,
} from '../testing/case-builders';

describe('HearingListed', () => {
  const listing = (hearingId = 'hearing-2', scheduledFor = '2026-05-11T10:00:00.000Z') =>
    aCommand(
      'HearingListed',
      { hearingId, hearingType: 'trial', court: 'St Albans Crown Court', courtTier: 'crown', scheduledFor },
      { agency: 'HMCTS' },
    );

  it('lists a hearing in a charged case', () => {
    const command = listing();
    given(aCaseWithAHearing()).when(command).then([theEventOf(command)]);
  });

  it('breaks case-must-be-charged before any charge', () => {
    given(aReportedCase()).when(listing()).thenThrows('case-must-be-charged');
  });

  it('breaks case-must-be-charged after an out-of-court disposal', () => {
    given([...aReportedCase(), aChargeDecision({ decision: 'out-of-court-disposal', charges: [] })])
      .when(listing())
      .thenThrows('case-must-be-charged');
  });

  it('breaks hearing-id-must-be-new for a hearing already listed', () => {
    given(aCaseWithAHearing()).when(listing('hearing-1')).thenThrows('hearing-id-must-be-new', 'data.hearingId');
  });

  it('breaks instant-must-be-valid when scheduledFor is not an instant', () => {
    given(aChargedCase()).when(listing('hearing-2', 'next Tuesday')).thenThrows('instant-must-be-valid', 'data.scheduledFor');
  });
});

describe('CourtNoticeReceived', () => {
  const notice = () =>
    aCommand('CourtNoticeReceived', { hearingId: 'hearing-1', notice: 'outcome' }, { agency: 'WCU', receivedAt: '2026-03-31T15:00:00.000Z' });

  it('records the notice the Witness Care Unit received about a listed hearing', () => {
    const command = notice();
    given(aCaseWithAHearing()).when(command).then([theEventOf(command)]);
  });

  it('breaks hearing-must-be-listed for a hearing never listed', () => {
    given(aChargedCase()).when(notice()).thenThrows('hearing-must-be-listed', 'data.hearingId');
  });

  it('breaks hearing-must-be-listed once the listing was retracted', () => {
    const listing = aHearingListing('hearing-1');
    given([...aChargedCase(), listing, anEvent('EventRetracted', { retractedEventId: listing.metadata.eventId, reason: 'Wrong case' })])
      .when(notice())
      .thenThrows('hearing-must-be-listed');
  });
});

describe('HearingHeld', () => {
  const held = (data: Partial<HearingHeld['data']>) =>
    aCommand('HearingHeld', { hearingId: 'hearing-1', result: 'effective', ...data }, { agency: 'HMCTS' });

  it.each<Partial<HearingHeld['data']>>([
    { result: 'effective', bailOutcome: 'conditional-bail', bailConditions: ['curfew'] },
    { result: 'cracked', crackedReason: 'late-guilty-plea' },
    { result: 'ineffective', ineffectiveReason: { code: 'P1', group: 'prosecution' } },
    { result: 'adjourned' },
    { result: 'vacated' },
  ])('records a listed hearing as %j', (data) => {
    const command = held(data);
    given(aCaseWithAHearing()).when(command).then([theEventOf(command)]);
  });

  it('breaks hearing-must-be-listed for a hearing never listed', () => {
    given(aChargedCase()).when(held({})).thenThrows('hearing-must-be-listed', 'data.hearingId');
  });

  it('breaks hearing-held-once for a hearing that already has a result', () => {
    given([...aCaseWithAHearing(), anEvent('HearingHeld', { hearingId: 'hearing-1', result: 'adjourned' }, { agency: 'HMCTS' })])
      .when(held({}))
      .thenThrows('hearing-held-once', 'data.hearingId');
  });

  it.each([undefined, { code: ' ', group: 'defence' as const }])('breaks ineffective-hearing-needs-reason-code with %j', (ineffectiveReason) => {
    given(aCaseWithAHearing())
      .when(held({ result: 'ineffective', ineffectiveReason }))
      .thenThrows('ineffective-hearing-needs-reason-code', 'data.ineffectiveReason');
  });

  it('breaks cracked-hearing-needs-reason without a cracked reason', () => {
    given(aCaseWithAHearing()).when(held({ result: 'cracked' })).thenThrows('cracked-hearing-needs-reason', 'data.crackedReason');
  });

  it('breaks hearing-reason-must-match-result for a reason code on an effective hearing', () => {
    given(aCaseWithAHearing())
      .when(held({ result: 'effective', ineffectiveReason: { code: 'C2', group: 'court' } }))
      .thenThrows('hearing-reason-must-match-result', 'data.ineffectiveReason');
  });

  it('breaks hearing-reason-must-match-result for a cracked reason on an ineffective hearing', () => {
    given(aCaseWithAHearing())
      .when(held({ result: 'ineffective', ineffectiveReason: { code: 'D1', group: 'defence' }, crackedReason: 'bind-over' }))
      .thenThrows('hearing-reason-must-match-result', 'data.crackedReason');
  });
});
