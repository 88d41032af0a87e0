import { aChargeDecision, aChargedCase, aCommand, aReportedCase, given, theEventOf } from '../testing/case-builders';

describe('InvestigationNotPursued', () => {
  const decision = aCommand('InvestigationNotPursued', { reason: 'No lines of enquiry' });

  it('records the decision not to investigate', () => {
    given(aReportedCase()).when(decision).then([theEventOf(decision)]);
  });

  it('may follow a decision to take no further action', () => {
    given([...aReportedCase(), aChargeDecision({ decision: 'no-further-action', charges: [] })])
      .when(decision)
      .then([theEventOf(decision)]);
  });

  it('breaks case-must-not-be-charged once the case is charged', () => {
    given(aChargedCase()).when(decision).thenThrows('case-must-not-be-charged');
  });
});

describe('SuspectEventRecorded', () => {
  it('records what happened to the suspect', () => {
    const command = aCommand('SuspectEventRecorded', { suspectId: 'suspect-1', kind: 'bailed', conditions: ['no contact with the victim'] });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });
});
