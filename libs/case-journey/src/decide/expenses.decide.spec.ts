import { aCaseWithAHearing, aCommand, aVictim, anEvent, given, theEventOf } from '../testing/case-builders';

const claimReceived = (victimId = 'victim-1') => anEvent('ExpensesClaimReceived', { victimId, claimId: 'claim-1' }, { agency: 'CPS' });

describe('ExpensesClaimReceived', () => {
  const claim = () => aCommand('ExpensesClaimReceived', { victimId: 'victim-1', claimId: 'claim-1' }, { agency: 'CPS', receivedAt: '2026-03-31T11:00:00.000Z' });

  it('records a witness expenses claim', () => {
    const command = claim();
    given(aCaseWithAHearing()).when(command).then([theEventOf(command)]);
  });

  it('breaks expenses-claim-id-must-be-new for a claim already received', () => {
    given([...aCaseWithAHearing(), claimReceived()]).when(claim()).thenThrows('expenses-claim-id-must-be-new', 'data.claimId');
  });
});

describe('ExpensesPaid', () => {
  const payment = (amountPence = 4280) => aCommand('ExpensesPaid', { victimId: 'victim-1', claimId: 'claim-1', amountPence }, { agency: 'CPS' });

  it('pays a received claim', () => {
    const command = payment();
    given([...aCaseWithAHearing(), claimReceived()]).when(command).then([theEventOf(command)]);
  });

  it('breaks expenses-claim-must-be-received for a claim never received', () => {
    given(aCaseWithAHearing()).when(payment()).thenThrows('expenses-claim-must-be-received', 'data.claimId');
  });

  it('breaks expenses-claim-must-be-received for a claim made by another victim', () => {
    given([...aCaseWithAHearing(), anEvent('VictimRegistered', { victim: aVictim({ victimId: 'victim-2' }) }), claimReceived('victim-2')])
      .when(payment())
      .thenThrows('expenses-claim-must-be-received');
  });

  it('breaks expenses-paid-once for a claim already paid', () => {
    given([...aCaseWithAHearing(), claimReceived(), anEvent('ExpensesPaid', { victimId: 'victim-1', claimId: 'claim-1', amountPence: 100 })])
      .when(payment())
      .thenThrows('expenses-paid-once', 'data.claimId');
  });

  it.each([0, -500, 12.5])('breaks amount-must-be-positive for %p pence', (amountPence) => {
    given([...aCaseWithAHearing(), claimReceived()]).when(payment(amountPence)).thenThrows('amount-must-be-positive', 'data.amountPence');
  });
});
