import { aChargeDecision, aChargedCase, aCharge, aCommand, aReportedCase, anEvent, given, theEventOf } from '../testing/case-builders';

const ended = () => anEvent('ProsecutionEnded', { ending: 'discontinued', reasons: 'Insufficient evidence' }, { agency: 'CPS' });
const noFurtherAction = () => aChargeDecision({ decision: 'no-further-action', charges: [] });

describe('ChargeDecisionMade', () => {
  const charge = (charges = [aCharge()]) => aCommand('ChargeDecisionMade', { decision: 'charge', decidedBy: 'CPS', charges }, { agency: 'CPS' });

  it('charges a reported case', () => {
    const command = charge();
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });

  it.each(['no-further-action', 'out-of-court-disposal'] as const)('records a decision of %s without charges', (decision) => {
    const command = aCommand('ChargeDecisionMade', { decision, decidedBy: 'Police', charges: [] });
    given(aReportedCase()).when(command).then([theEventOf(command)]);
  });

  it('charges after an earlier decision of no further action (after a review)', () => {
    const command = charge();
    given([...aReportedCase(), noFurtherAction()]).when(command).then([theEventOf(command)]);
  });

  it('breaks case-must-not-be-charged for a second decision once charged', () => {
    given(aChargedCase()).when(charge()).thenThrows('case-must-not-be-charged');
  });

  it('breaks charges-must-be-named when charging with no charge', () => {
    given(aReportedCase()).when(charge([])).thenThrows('charges-must-be-named', 'data.charges');
  });
});

describe('ChargesAltered', () => {
  const alteration = (charges = [aCharge('charge-2')]) =>
    aCommand('ChargesAltered', { charges, substantial: false, reasons: 'Charge downgraded' }, { agency: 'CPS' });

  it('alters the charges of a live prosecution', () => {
    const command = alteration();
    given(aChargedCase()).when(command).then([theEventOf(command)]);
  });

  it('breaks case-must-be-charged before a charge decision', () => {
    given(aReportedCase()).when(alteration()).thenThrows('case-must-be-charged');
  });

  it('breaks case-must-be-charged after a decision of no further action', () => {
    given([...aReportedCase(), noFurtherAction()]).when(alteration()).thenThrows('case-must-be-charged');
  });

  it('breaks prosecution-must-be-live once the prosecution ended', () => {
    given([...aChargedCase(), ended()]).when(alteration()).thenThrows('prosecution-must-be-live');
  });

  it('breaks charges-must-be-named when altered to no charge', () => {
    given(aChargedCase()).when(alteration([])).thenThrows('charges-must-be-named', 'data.charges');
  });
});

describe('ProsecutionEnded', () => {
  const ending = () => aCommand('ProsecutionEnded', { ending: 'no-evidence-offered', reasons: 'Victim withdrew support' }, { agency: 'CPS' });

  it('ends a live prosecution', () => {
    const command = ending();
    given(aChargedCase()).when(command).then([theEventOf(command)]);
  });

  it('breaks case-must-be-charged on an uncharged case', () => {
    given(aReportedCase()).when(ending()).thenThrows('case-must-be-charged');
  });

  it('breaks prosecution-must-be-live when it already ended', () => {
    given([...aChargedCase(), ended()]).when(ending()).thenThrows('prosecution-must-be-live');
  });
});
