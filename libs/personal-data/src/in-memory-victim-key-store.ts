import { randomBytes } from 'node:crypto';
import { VictimDataErasedError, type RandomBytes, type VictimKeyStore } from './victim-key-store.port';

export const DATA_KEY_BYTES = 32;

/** Keys kept in memory: for tests and for generating synthetic data that is never unsealed later. */
export class InMemoryVictimKeyStore implements VictimKeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly destroyed = new Set<string>();

  constructor(private readonly random: RandomBytes = randomBytes) {}

  keyFor(keyId: string): Buffer {
    if (this.destroyed.has(keyId)) throw new VictimDataErasedError(keyId);
    let key = this.keys.get(keyId);
    if (!key) {
      key = this.random(DATA_KEY_BYTES);
      this.keys.set(keyId, key);
    }
    return key;
  }

  existingKey(keyId: string): Buffer | undefined {
    return this.keys.get(keyId);
  }

  destroy(keyId: string): void {
    this.keys.delete(keyId);
    this.destroyed.add(keyId);
  }
}
