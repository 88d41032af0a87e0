import type { SealedPersonalData, VictimPersonalData } from '@case-journey/domain';
import { DATA_KEY_BYTES } from './in-memory-victim-key-store';
import { VictimDataErasedError, type RandomBytes, type VictimKeyStore } from './victim-key-store.port';

export type SealPersonalData = (victimId: string, data: VictimPersonalData) => SealedPersonalData;

/** Seals with a given key: the vault's one cipher. */
export type SealWith = (keyId: string, key: Buffer, data: VictimPersonalData) => SealedPersonalData;

export const victimKeyId = (victimId: string): string => `victim-${victimId}`;

/**
 * The seals of one record before it is decided. A victim who has no key yet gets one made here and
 * held in memory, so a record refused (a 400, a broken journey rule) leaves nothing in the key
 * store. Once the record is decided, `hold` stores the keys, before the event is appended: an event
 * must never be stored whose key is not. Then `confirm` once appended, or `release` once refused.
 */
export class PendingSeals {
  private readonly used = new Map<string, Buffer>();
  private held: string[] = [];

  constructor(
    private readonly keys: VictimKeyStore,
    private readonly sealWith: SealWith,
    private readonly random: RandomBytes,
  ) {}

  readonly seal: SealPersonalData = (victimId, data) => {
    const keyId = victimKeyId(victimId);
    const key = this.used.get(keyId) ?? this.keyToUse(keyId);
    this.used.set(keyId, key);
    return this.sealWith(keyId, key, data);
  };

  /** Key ids of the victims sealed for. */
  get keyIds(): string[] {
    return [...this.used.keys()];
  }

  /**
   * Stores the keys made here and holds every key sealed with. False when another writer stored a
   * different key for one of these victims meanwhile, or erased one: nothing stays held; seal again.
   */
  hold(): boolean {
    for (const [keyId, key] of this.used) {
      if (!this.keys.hold(keyId, key)) {
        this.release();
        return false;
      }
      this.held.push(keyId);
    }
    return true;
  }

  /** The record was appended. */
  confirm(): void {
    for (const keyId of this.held) this.keys.confirm(keyId);
    this.held = [];
  }

  /** The record was refused: keys made for it alone are removed. */
  release(): void {
    for (const keyId of this.held) this.keys.release(keyId);
    this.held = [];
  }

  private keyToUse(keyId: string): Buffer {
    const existing = this.keys.existingKey(keyId);
    if (existing) return existing;
    if (this.keys.isErased(keyId)) throw new VictimDataErasedError(keyId);
    return this.random(DATA_KEY_BYTES);
  }
}
