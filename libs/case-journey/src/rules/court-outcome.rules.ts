import type { Disposal } from '../vocabulary';
import { findAppeal } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { defineRule } from './journey-rule';

// Own judgment: a plea or verdict on a named charge must name one of the case's current charges.
export const chargeMustBeKnown = defineRule({
  id: 'charge-must-be-known',
  holds: (state: CaseState, chargeId: string | undefined) =>
    chargeId === undefined || state.charges.some((charge) => charge.chargeId === chargeId),
  explain: (_state, chargeId) => `Charge ${chargeId} is not among the case's charges`,
  field: 'data.chargeId',
});

export const sentenceNeedsConviction = defineRule({
  id: 'sentence-needs-conviction',
  holds: (state: CaseState) => state.convicted,
  explain: () => 'No guilty plea or conviction has been recorded, so there is nothing to sentence',
});

export const custodyNeedsMonths = defineRule({
  id: 'custody-needs-months',
  holds: (disposal: Disposal, custodyMonths: number | undefined) =>
    disposal !== 'custody' || (custodyMonths !== undefined && custodyMonths > 0),
  explain: () => 'A custodial sentence must give its length in months (more than 0)',
  field: 'data.custodyMonths',
});

export const custodyMonthsOnlyWithCustody = defineRule({
  id: 'custody-months-only-with-custody',
  holds: (disposal: Disposal, custodyMonths: number | undefined) => custodyMonths === undefined || disposal === 'custody',
  explain: (disposal) => `A ${disposal} disposal has no custody length`,
  field: 'data.custodyMonths',
});

// Own judgment.
export const appealIdMustBeNew = defineRule({
  id: 'appeal-id-must-be-new',
  holds: (state: CaseState, appealId: string) => findAppeal(state, appealId) === undefined,
  explain: (_state, appealId) => `Appeal ${appealId} is already lodged`,
  field: 'data.appealId',
});

// Own judgment: an appeal against conviction needs a conviction, one against sentence a sentence.
export const appealNeedsConvictionOrSentence = defineRule({
  id: 'appeal-needs-conviction-or-sentence',
  holds: (state: CaseState, against: 'conviction' | 'sentence') => (against === 'conviction' ? state.convicted : state.sentence !== null),
  explain: (_state, against) => `There is no ${against} to appeal against`,
  field: 'data.against',
});

export const appealMustBeLodged = defineRule({
  id: 'appeal-must-be-lodged',
  holds: (state: CaseState, appealId: string) => findAppeal(state, appealId) !== undefined,
  explain: (_state, appealId) => `Appeal ${appealId} has not been lodged`,
  field: 'data.appealId',
});

// Own judgment.
export const appealDecidedOnce = defineRule({
  id: 'appeal-decided-once',
  holds: (state: CaseState, appealId: string) => findAppeal(state, appealId)?.decision === null,
  explain: (state, appealId) => `Appeal ${appealId} was already ${findAppeal(state, appealId)?.decision?.outcome}`,
  field: 'data.appealId',
});
