import { randomBytes } from 'node:crypto';
import { VictimDataErasedError, type RandomBytes, type VictimKeyStore } from './victim-key-store.port';

export const DATA_KEY_BYTES = 32;

interface StoredKey {
  key: Buffer;
  /** Records about to be appended that were sealed with it. */
  holds: number;
  /** A record sealed with it was appended (or it was made before holds existed). */
  confirmed: boolean;
}

/** Keys kept in memory: for tests and for generating synthetic data that is never unsealed later. */
export class InMemoryVictimKeyStore implements VictimKeyStore {
  private readonly keys = new Map<string, StoredKey>();
  private readonly destroyed = new Set<string>();

  constructor(private readonly random: RandomBytes = randomBytes) {}

  keyFor(keyId: string): Buffer {
    if (this.destroyed.has(keyId)) throw new VictimDataErasedError(keyId);
    let stored = this.keys.get(keyId);
    if (!stored) {
      stored = { key: this.random(DATA_KEY_BYTES), holds: 0, confirmed: true };
      this.keys.set(keyId, stored);
    }
    return stored.key;
  }

  existingKey(keyId: string): Buffer | undefined {
    return this.keys.get(keyId)?.key;
  }

  isErased(keyId: string): boolean {
    return this.destroyed.has(keyId);
  }

  destroy(keyId: string): void {
    this.keys.delete(keyId);
    this.destroyed.add(keyId);
  }

  hold(keyId: string, key: Buffer): boolean {
    if (this.destroyed.has(keyId)) return false;
    const stored = this.keys.get(keyId);
    if (!stored) {
      this.keys.set(keyId, { key, holds: 1, confirmed: false });
      return true;
    }
    if (!stored.key.equals(key)) return false;
    stored.holds++;
    return true;
  }

  confirm(keyId: string): void {
    const stored = this.keys.get(keyId);
    if (!stored) return;
    stored.confirmed = true;
    stored.holds = Math.max(0, stored.holds - 1);
  }

  release(keyId: string): void {
    const stored = this.keys.get(keyId);
    if (!stored) return;
    stored.holds = Math.max(0, stored.holds - 1);
    if (stored.holds === 0 && !stored.confirmed) this.keys.delete(keyId);
  }

  together<T>(work: () => T): T {
    return work();
  }

  /** How many keys it holds (erased ones not counted): what a test counts after a refused request. */
  get size(): number {
    return this.keys.size;
  }
}
