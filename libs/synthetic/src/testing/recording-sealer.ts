import type { SealedPersonalData, VictimPersonalData } from '@case-journey/domain';
import type { SealPersonalData } from '../journey/journey';

/**
 * Test double for the personal-data vault: "seals" to a fixed envelope with no trace of the details,
 * and keeps what it was given so a test can look for it in the output.
 */
export class RecordingSealer {
  readonly sealed: Array<{ victimId: string; details: VictimPersonalData }> = [];

  readonly seal: SealPersonalData = (victimId, details): SealedPersonalData => {
    this.sealed.push({ victimId, details });
    return { keyId: `victim-${victimId}`, algorithm: 'aes-256-gcm', iv: 'test-double', ciphertext: 'test-double', authTag: 'test-double' };
  };
}
