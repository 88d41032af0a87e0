import { amountMustBePositive, expensesClaimIdMustBeNew, expensesClaimMustBeReceived, expensesPaidOnce } from '../rules/expenses.rules';
import { enforce } from '../rules/journey-rule';
import { knownVictim, recordWhen } from './case-checks';
import type { DeciderMap } from './decider';

/** A witness's expenses claim and its payment. */
export const expensesDeciders: DeciderMap<'ExpensesClaimReceived' | 'ExpensesPaid'> = {
  ExpensesClaimReceived: recordWhen(knownVictim, ({ data }, state) => enforce(expensesClaimIdMustBeNew, state, data.claimId)),
  ExpensesPaid: recordWhen(
    knownVictim,
    ({ data }, state) => enforce(expensesClaimMustBeReceived, state, data.claimId, data.victimId),
    ({ data }, state) => enforce(expensesPaidOnce, state, data.claimId),
    ({ data }) => enforce(amountMustBePositive, data.amountPence),
  ),
};
