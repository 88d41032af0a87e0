/** Declared in the domain beside the sealed form it becomes; re-exported where it is sealed and opened. */
export type { VictimPersonalData } from '@case-journey/domain';

/** What opening a sealed envelope gives once the victim's key has been destroyed. */
export interface ErasedPersonalData {
  erased: true;
}
