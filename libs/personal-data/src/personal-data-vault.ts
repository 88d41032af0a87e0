import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJson, type SealedPersonalData, type VictimPersonalData } from '@case-journey/domain';
import { PendingSeals, victimKeyId } from './pending-seals';
import type { RandomBytes, VictimKeyStore } from './victim-key-store.port';
import type { ErasedPersonalData } from './victim-personal-data';

export { victimKeyId };

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/**
 * Seals a victim's personal data with their own key (AES-256-GCM). The key id is bound into the
 * ciphertext as additional authenticated data, so an envelope cannot be passed off as another victim's.
 */
export class PersonalDataVault {
  constructor(
    private readonly keys: VictimKeyStore,
    private readonly random: RandomBytes = randomBytes,
  ) {}

  /** Seals with the victim's key, made and stored at once if they have none. */
  seal(victimId: string, data: VictimPersonalData): SealedPersonalData {
    const keyId = victimKeyId(victimId);
    return this.sealWith(keyId, this.keys.keyFor(keyId), data);
  }

  /** Seals for a record not yet decided: keys are stored only when it is (see PendingSeals). */
  sealing(): PendingSeals {
    return new PendingSeals(this.keys, (keyId, key, data) => this.sealWith(keyId, key, data), this.random);
  }

  /** Runs `work`'s holds, confirms and releases of keys as one write of the key store (see VictimKeyStore.together). */
  together<T>(work: () => T): T {
    return this.keys.together(work);
  }

  /**
   * Whether an envelope holds exactly these details; undefined when it cannot be told because the
   * victim's key is gone (erased, or the envelope was sealed elsewhere, as synthetic data is).
   */
  holdsSame(sealed: SealedPersonalData, data: VictimPersonalData): boolean | undefined {
    const opened = this.open(sealed);
    return 'erased' in opened ? undefined : canonicalJson(opened) === canonicalJson(data);
  }

  private sealWith(keyId: string, key: Buffer, data: VictimPersonalData): SealedPersonalData {
    const iv = this.random(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(Buffer.from(keyId));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return {
      keyId,
      algorithm: ALGORITHM,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
    };
  }

  open(sealed: SealedPersonalData): VictimPersonalData | ErasedPersonalData {
    const key = this.keys.existingKey(sealed.keyId);
    if (!key) return { erased: true };
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(sealed.keyId));
    decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as VictimPersonalData;
  }

  /** Crypto-shredding: every envelope sealed for this victim becomes unreadable. */
  erase(victimId: string): void {
    this.keys.destroy(victimKeyId(victimId));
  }
}
