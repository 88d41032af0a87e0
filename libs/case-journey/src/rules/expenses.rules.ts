import { findExpensesClaim } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { defineRule } from './journey-rule';

// Own judgment.
export const expensesClaimIdMustBeNew = defineRule({
  id: 'expenses-claim-id-must-be-new',
  holds: (state: CaseState, claimId: string) => findExpensesClaim(state, claimId) === undefined,
  explain: (_state, claimId) => `Expenses claim ${claimId} was already received`,
  field: 'data.claimId',
});

/** The claim must have been received, from the victim it is paid to. */
export const expensesClaimMustBeReceived = defineRule({
  id: 'expenses-claim-must-be-received',
  holds: (state: CaseState, claimId: string, victimId: string) => findExpensesClaim(state, claimId)?.victimId === victimId,
  explain: (_state, claimId, victimId) => `No expenses claim ${claimId} was received from victim ${victimId}`,
  field: 'data.claimId',
});

// Own judgment.
export const expensesPaidOnce = defineRule({
  id: 'expenses-paid-once',
  holds: (state: CaseState, claimId: string) => findExpensesClaim(state, claimId)?.payment === null,
  explain: (_state, claimId) => `Expenses claim ${claimId} was already paid`,
  field: 'data.claimId',
});

// Own judgment.
export const amountMustBePositive = defineRule({
  id: 'amount-must-be-positive',
  holds: (amountPence: number) => Number.isInteger(amountPence) && amountPence > 0,
  explain: (amountPence) => `An amount paid must be a whole number of pence above 0, not ${amountPence}`,
  field: 'data.amountPence',
});
