import { caseMustNotBeCharged, chargesMustBeNamed, prosecutionMustBeLive } from '../rules/charging.rules';
import { enforce } from '../rules/journey-rule';
import { chargedCase, recordWhen, type Check } from './case-checks';
import type { DeciderMap } from './decider';

const liveProsecution: Check<unknown> = (_command, state) => enforce(prosecutionMustBeLive, state);

/** The charging decision and what the CPS does with the charges afterwards. */
export const chargingDeciders: DeciderMap<'ChargeDecisionMade' | 'ChargesAltered' | 'ProsecutionEnded'> = {
  ChargeDecisionMade: recordWhen(
    (_command, state) => enforce(caseMustNotBeCharged, state),
    ({ data }) => {
      if (data.decision === 'charge') enforce(chargesMustBeNamed, data.charges);
    },
  ),
  ChargesAltered: recordWhen(chargedCase, liveProsecution, ({ data }) => enforce(chargesMustBeNamed, data.charges)),
  ProsecutionEnded: recordWhen(chargedCase, liveProsecution),
};
