import type { Charge } from '../events';
import { isCharged } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { defineRule } from './journey-rule';

/** No second charge decision once charged, nor (own judgment) a decision not to investigate a charged case. */
export const caseMustNotBeCharged = defineRule({
  id: 'case-must-not-be-charged',
  holds: (state: CaseState) => !isCharged(state),
  explain: (state) => `The case was already charged at ${state.chargeDecision?.at}`,
});

export const caseMustBeCharged = defineRule({
  id: 'case-must-be-charged',
  holds: (state: CaseState) => isCharged(state),
  explain: (state) =>
    state.chargeDecision ? `The charge decision was ${state.chargeDecision.decision}, not charge` : 'The case has not been charged',
});

export const prosecutionMustBeLive = defineRule({
  id: 'prosecution-must-be-live',
  holds: (state: CaseState) => state.prosecutionEnded === null,
  explain: (state) => `The prosecution ended (${state.prosecutionEnded?.ending}) at ${state.prosecutionEnded?.at}`,
});

// Own judgment: charging, or altering the charges, with no charge at all is an ending, recorded as such.
export const chargesMustBeNamed = defineRule({
  id: 'charges-must-be-named',
  holds: (charges: readonly Charge[]) => charges.length > 0,
  explain: () => 'At least one charge must be named',
  field: 'data.charges',
});
