import { InMemoryVictimKeyStore, PersonalDataVault } from '@case-journey/personal-data';
import { Random, type SealPersonalData } from '@case-journey/synthetic';

/** The random stream of the sealer, apart from the cases' streams (which are numbered from 0). */
const SEALING_STREAM = -1;

/**
 * The personal-data vault with its keys and IVs drawn from the seed, so that one seed seals every
 * victim's details to the same bytes. The keys live only in memory: a file written with it holds
 * synthetic people whose details nobody can open, which is what a shared test file should hold.
 */
export function seededSealer(seed: number): SealPersonalData {
  const random = Random.seeded(seed, SEALING_STREAM);
  const bytes = (size: number): Buffer => Buffer.from(random.bytes(size));
  const vault = new PersonalDataVault(new InMemoryVictimKeyStore(bytes), bytes);
  return (victimId, details) => vault.seal(victimId, details);
}
