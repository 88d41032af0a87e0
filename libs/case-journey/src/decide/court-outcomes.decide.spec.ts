import type { Disposal } from '../vocabulary';
import {
  aCaseWithAHearing,
  aChargedCase,
  aCommand,
  aConvictedCase,
  aPlea,
  aSentencedCase,
  anEvent,
  given,
  theEventOf,
} from '../testing/case-builders';

/** A charged case whose charge decision was then retracted: the hearing stays listed, the charge does not. */
const aCaseWhoseChargeWasRetracted = () => {
  const events = aCaseWithAHearing();
  const chargeDecision = events.find((event) => event.type === 'ChargeDecisionMade')!;
  return [...events, anEvent('EventRetracted', { retractedEventId: chargeDecision.metadata.eventId, reason: 'Recorded on the wrong case' })];
};

const acquitted = () => anEvent('VerdictReached', { hearingId: 'hearing-1', verdict: 'acquitted' }, { agency: 'HMCTS' });

describe.each(['PleaEntered', 'VerdictReached'] as const)('%s', (type) => {
  const outcome = (data: { hearingId?: string; chargeId?: string } = {}) =>
    type === 'PleaEntered'
      ? aCommand(type, { hearingId: 'hearing-1', plea: 'guilty', ...data }, { agency: 'HMCTS' })
      : aCommand(type, { hearingId: 'hearing-1', verdict: 'convicted', ...data }, { agency: 'HMCTS' });

  it('is recorded at a listed hearing, on a named charge', () => {
    const command = outcome({ chargeId: 'charge-1' });
    given(aCaseWithAHearing()).when(command).then([theEventOf(command)]);
  });

  it('breaks case-must-be-charged once the charge decision was retracted', () => {
    given(aCaseWhoseChargeWasRetracted()).when(outcome()).thenThrows('case-must-be-charged');
  });

  it('breaks hearing-must-be-listed for a hearing never listed', () => {
    given(aChargedCase()).when(outcome()).thenThrows('hearing-must-be-listed', 'data.hearingId');
  });

  it('breaks charge-must-be-known for a charge the case does not hold', () => {
    given(aCaseWithAHearing()).when(outcome({ chargeId: 'charge-9' })).thenThrows('charge-must-be-known', 'data.chargeId');
  });
});

describe('SentencePassed', () => {
  const sentence = (disposal: Disposal, custodyMonths?: number) =>
    aCommand('SentencePassed', { hearingId: 'hearing-1', disposal, ...(custodyMonths === undefined ? {} : { custodyMonths }) }, { agency: 'HMCTS' });

  it('sentences after a guilty plea', () => {
    const command = sentence('custody', 30);
    given(aConvictedCase()).when(command).then([theEventOf(command)]);
  });

  it('sentences after a conviction at trial, with no custody length for a non-custodial disposal', () => {
    const command = sentence('community-order');
    given([...aCaseWithAHearing(), aPlea('not-guilty'), anEvent('VerdictReached', { hearingId: 'hearing-1', verdict: 'convicted' })])
      .when(command)
      .then([theEventOf(command)]);
  });

  it('breaks case-must-be-charged once the charge decision was retracted', () => {
    given([...aCaseWhoseChargeWasRetracted(), aPlea('guilty')]).when(sentence('custody', 30)).thenThrows('case-must-be-charged');
  });

  it('breaks hearing-must-be-listed for a hearing never listed', () => {
    given([...aConvictedCase()])
      .when(aCommand('SentencePassed', { hearingId: 'hearing-9', disposal: 'fine' }, { agency: 'HMCTS' }))
      .thenThrows('hearing-must-be-listed');
  });

  it.each([
    ['no plea or verdict', aCaseWithAHearing()],
    ['a not-guilty plea', [...aCaseWithAHearing(), aPlea('not-guilty')]],
    ['an acquittal', [...aCaseWithAHearing(), aPlea('not-guilty'), acquitted()]],
  ])('breaks sentence-needs-conviction after %s', (_story, events) => {
    given(events).when(sentence('custody', 30)).thenThrows('sentence-needs-conviction');
  });

  it.each([undefined, 0, -3])('breaks custody-needs-months for custody of %p months', (months) => {
    given(aConvictedCase()).when(sentence('custody', months)).thenThrows('custody-needs-months', 'data.custodyMonths');
  });

  it('breaks custody-months-only-with-custody for a hospital order with months', () => {
    given(aConvictedCase()).when(sentence('hospital-order', 12)).thenThrows('custody-months-only-with-custody', 'data.custodyMonths');
  });
});

describe('AppealLodged', () => {
  const appeal = (against: 'conviction' | 'sentence', appealId = 'appeal-1') =>
    aCommand('AppealLodged', { appealId, by: 'defence', against }, { agency: 'HMCTS' });

  it('lodges an appeal against conviction before sentence', () => {
    const command = appeal('conviction');
    given(aConvictedCase()).when(command).then([theEventOf(command)]);
  });

  it('lodges an appeal against sentence', () => {
    const command = appeal('sentence');
    given(aSentencedCase()).when(command).then([theEventOf(command)]);
  });

  it('breaks appeal-id-must-be-new for an appeal already lodged', () => {
    given([...aSentencedCase(), anEvent('AppealLodged', { appealId: 'appeal-1', by: 'defence', against: 'conviction' })])
      .when(appeal('sentence'))
      .thenThrows('appeal-id-must-be-new', 'data.appealId');
  });

  it('breaks appeal-needs-conviction-or-sentence against a sentence not yet passed', () => {
    given(aConvictedCase()).when(appeal('sentence')).thenThrows('appeal-needs-conviction-or-sentence', 'data.against');
  });

  it('breaks appeal-needs-conviction-or-sentence against a conviction after an acquittal', () => {
    given([...aCaseWithAHearing(), acquitted()]).when(appeal('conviction')).thenThrows('appeal-needs-conviction-or-sentence');
  });
});

describe('AppealDecided', () => {
  const lodged = () => anEvent('AppealLodged', { appealId: 'appeal-1', by: 'prosecution', against: 'sentence' });
  const decision = () => aCommand('AppealDecided', { appealId: 'appeal-1', outcome: 'varied' }, { agency: 'HMCTS' });

  it('decides a lodged appeal', () => {
    const command = decision();
    given([...aSentencedCase(), lodged()]).when(command).then([theEventOf(command)]);
  });

  it('breaks appeal-must-be-lodged for an appeal never lodged', () => {
    given(aSentencedCase()).when(decision()).thenThrows('appeal-must-be-lodged', 'data.appealId');
  });

  it('breaks appeal-decided-once for an appeal already decided', () => {
    given([...aSentencedCase(), lodged(), anEvent('AppealDecided', { appealId: 'appeal-1', outcome: 'dismissed' })])
      .when(decision())
      .thenThrows('appeal-decided-once', 'data.appealId');
  });
});
