import {
  appealDecidedOnce,
  appealIdMustBeNew,
  appealMustBeLodged,
  appealNeedsConvictionOrSentence,
  chargeMustBeKnown,
  custodyMonthsOnlyWithCustody,
  custodyNeedsMonths,
  sentenceNeedsConviction,
} from '../rules/court-outcome.rules';
import { enforce } from '../rules/journey-rule';
import { chargedCase, listedHearing, recordWhen, type Check } from './case-checks';
import type { DeciderMap } from './decider';

const knownChargeIfNamed: Check<{ data: { chargeId?: string } }> = ({ data }, state) => enforce(chargeMustBeKnown, state, data.chargeId);

/** Pleas, verdicts, sentences and appeals. */
export const courtOutcomeDeciders: DeciderMap<'PleaEntered' | 'VerdictReached' | 'SentencePassed' | 'AppealLodged' | 'AppealDecided'> = {
  PleaEntered: recordWhen(chargedCase, listedHearing, knownChargeIfNamed),
  VerdictReached: recordWhen(chargedCase, listedHearing, knownChargeIfNamed),
  SentencePassed: recordWhen(
    chargedCase,
    listedHearing,
    (_command, state) => enforce(sentenceNeedsConviction, state),
    ({ data }) => enforce(custodyNeedsMonths, data.disposal, data.custodyMonths),
    ({ data }) => enforce(custodyMonthsOnlyWithCustody, data.disposal, data.custodyMonths),
  ),
  AppealLodged: recordWhen(
    ({ data }, state) => enforce(appealIdMustBeNew, state, data.appealId),
    ({ data }, state) => enforce(appealNeedsConvictionOrSentence, state, data.against),
  ),
  AppealDecided: recordWhen(
    ({ data }, state) => enforce(appealMustBeLodged, state, data.appealId),
    ({ data }, state) => enforce(appealDecidedOnce, state, data.appealId),
  ),
};
