/**
 * Holds one data key per victim. Destroying a victim's key makes every sealed copy of their
 * personal data, in every event ever stored, unreadable: that is how erasure works in an
 * append-only store.
 */
export interface VictimKeyStore {
  /** The victim's key, created on first use. */
  keyFor(keyId: string): Buffer;
  /** The key if it exists and has not been destroyed. */
  existingKey(keyId: string): Buffer | undefined;
  /** Whether the key was destroyed: the victim's personal data was erased. */
  isErased(keyId: string): boolean;
  destroy(keyId: string): void;
  /**
   * Holds `key` for a record about to be appended, storing it if the id has no key yet. False when
   * the id holds another key (another writer made one first) or was erased: seal again.
   */
  hold(keyId: string, key: Buffer): boolean;
  /** The record was appended: its keys stay for good. */
  confirm(keyId: string): void;
  /** The record was refused: the hold ends, and a key stored for it that no appended record uses is removed. */
  release(keyId: string): void;
  /**
   * Runs `work`'s holds, confirms and releases as one write: a batch of records holds its hundreds
   * of keys in one transaction of the key file, not one each. Each still answers as on its own;
   * what is held once `work` returns is stored, as if each had been.
   */
  together<T>(work: () => T): T;
  close?(): void;
}

export const VICTIM_KEY_STORE = Symbol('VICTIM_KEY_STORE');

/** Source of random bytes; injected so that synthetic data can be sealed deterministically. */
export type RandomBytes = (size: number) => Buffer;

/** Asked to seal data for a victim whose key was destroyed: their personal data was erased. */
export class VictimDataErasedError extends Error {
  override readonly name = 'VictimDataErasedError';
  constructor(readonly keyId: string) {
    super(`The personal data under ${keyId} was erased; nothing more can be sealed for it`);
  }
}
