import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedPersonalData, VictimPersonalData } from '@case-journey/domain';
import type { RandomBytes, VictimKeyStore } from './victim-key-store.port';
import type { ErasedPersonalData } from './victim-personal-data';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

export const victimKeyId = (victimId: string): string => `victim-${victimId}`;

/**
 * Seals a victim's personal data with their own key (AES-256-GCM). The key id is bound into the
 * ciphertext as additional authenticated data, so an envelope cannot be passed off as another victim's.
 */
export class PersonalDataVault {
  constructor(
    private readonly keys: VictimKeyStore,
    private readonly random: RandomBytes = randomBytes,
  ) {}

  seal(victimId: string, data: VictimPersonalData): SealedPersonalData {
    const keyId = victimKeyId(victimId);
    const iv = this.random(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.keyFor(keyId), iv);
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
