import type { OffenceCategory } from '@case-journey/domain';
import type { Rulebook } from '@case-journey/victims-code';
import type { Shares } from '../distributions';
import type { GeneratorProfile, OffenceProfile } from '../profile';
import { isMostSerious } from '../victims-code-terms';

/**
 * What a profile's settings imply for rates that are not set directly but follow from several
 * settings at once, such as the share of victims with enhanced rights that the offence mix,
 * the victims' ages and repeat targeting give together.
 */

const meanOf = (shares: Shares<string>): number => {
  const entries = Object.entries(shares) as Array<[string, number]>;
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return entries.reduce((sum, [count, weight]) => sum + Number(count) * weight, 0) / total;
};

/** Share of all victims (people, businesses, bereaved families) entitled to enhanced rights. */
export function expectedEnhancedShare(profile: GeneratorProfile, rulebook: Rulebook): number {
  let victims = 0;
  let enhanced = 0;
  for (const [category, offence] of Object.entries(profile.offences) as Array<[OffenceCategory, OffenceProfile]>) {
    const perCase = meanOf(category === 'homicide' ? profile.victims.bereavedFamiliesPerHomicide : profile.victims.perCase);
    const person = 1 - (category === 'homicide' ? 0 : offence.businessVictimShare);
    const share = isMostSerious(rulebook, category) ? 1 : person * (1 - (1 - offence.persistentlyTargetedShare) * (1 - offence.under18Share));
    victims += offence.share * perCase;
    enhanced += offence.share * perCase * share;
  }
  return enhanced / victims;
}

/** Share of reported cases charged, and given an out-of-court disposal, over the offence mix. */
export function expectedChargingShares(profile: GeneratorProfile): { charged: number; outOfCourt: number } {
  const offences = Object.values(profile.offences);
  const total = offences.reduce((sum, offence) => sum + offence.share, 0);
  const weighted = (rate: (offence: OffenceProfile) => number) => offences.reduce((sum, offence) => sum + offence.share * rate(offence), 0) / total;
  return { charged: weighted((offence) => offence.chargeShare), outOfCourt: weighted((offence) => offence.outOfCourtShare) };
}
