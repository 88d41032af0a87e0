import { enforce } from '../rules/journey-rule';
import { referralNeedsConsent, referralRespectsOptOut, victimDataErasedOnce, victimIdMustBeUnique, victimMustBeKnown } from '../rules/victim.rules';
import { knownVictim, listedHearingIfNamed, recordWhen } from './case-checks';
import type { DeciderMap } from './decider';

/** Registering victims, their rights and needs, support, and their part as witnesses. */
export const victimDeciders: DeciderMap<
  | 'VictimRegistered'
  | 'EnhancedRightsRecognised'
  | 'VictimNeedsAssessed'
  | 'VictimReferredToSupport'
  | 'VictimDeclinedSupportReferral'
  | 'VictimWithdrewSupport'
  | 'WitnessRequired'
  | 'VictimDataErased'
> = {
  VictimRegistered: recordWhen(({ data }, state) =>
    enforce(victimIdMustBeUnique, 'data.victim.victimId', [...state.victims.map((victim) => victim.victimId), data.victim.victimId]),
  ),
  EnhancedRightsRecognised: recordWhen(knownVictim),
  VictimNeedsAssessed: recordWhen(knownVictim),
  VictimReferredToSupport: recordWhen(
    knownVictim,
    ({ data }, state) => enforce(referralRespectsOptOut, state, data.victimId, 'support-referral'),
    ({ data }, state) => enforce(referralNeedsConsent, state, data.victimId),
  ),
  VictimDeclinedSupportReferral: recordWhen(knownVictim),
  VictimWithdrewSupport: recordWhen(knownVictim),
  WitnessRequired: recordWhen(knownVictim, listedHearingIfNamed),
  VictimDataErased: recordWhen(
    ({ data }, state) => enforce(victimMustBeKnown, state, data.victimId),
    ({ data }, state) => enforce(victimDataErasedOnce, state, data.victimId),
  ),
};
