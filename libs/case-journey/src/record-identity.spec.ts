import { createHash } from 'node:crypto';
import { derivedCaseId, derivedEventId, derivedVictimId } from './record-identity';

/** RFC 9562's name-based UUID (version 5), worked out here from its definition: SHA-1 of the namespace's bytes and the name's UTF-8. */
function rfcNameUuid(name: string): string {
  const namespace = Buffer.from('5b0f3c1e6a574d0e9a432f1c8e7d9b10', 'hex');
  const hash = createHash('sha1').update(Buffer.concat([namespace, Buffer.from(name, 'utf8')])).digest().subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('ids derived from a record’s source', () => {
  it('are the name-based UUIDs of the case, the event and the victim, whatever the characters of the reference', () => {
    const key = 'source:Niche RMS\u0000Zoë/Łódź/🚓';
    expect(derivedCaseId(key)).toBe(rfcNameUuid(`case\u0000${key}`));
    expect(derivedEventId('d8b6b8a6-106c-50f7-b6a2-a2ee766f7719', key)).toBe(rfcNameUuid(`d8b6b8a6-106c-50f7-b6a2-a2ee766f7719\u0000${key}`));
    expect(derivedVictimId('d8b6b8a6-106c-50f7-b6a2-a2ee766f7719', 0)).toBe(rfcNameUuid('d8b6b8a6-106c-50f7-b6a2-a2ee766f7719\u0000victim\u00000'));
  });

  it('keep the ids already stored: a crime report of the bench profile opens the case it always opened', () => {
    // The first case of the generator's bench profile (seed 42), as its request file names it.
    expect(derivedCaseId('source:Niche RMS\u0000bench/42/0/1')).toBe('d8b6b8a6-106c-50f7-b6a2-a2ee766f7719');
  });
});

describe('a derived id of a long name', () => {
  it('is the name-based UUID of all of it, past the buffer a usual name is hashed in', () => {
    const reference = `Niche RMS/${'é'.repeat(3000)}/${'x'.repeat(3000)}`;
    const key = `source:Athena\u0000${reference}`;
    expect(derivedCaseId(key)).toBe(rfcNameUuid(`case\u0000${key}`));
    expect(derivedCaseId(`${key}!`)).not.toBe(derivedCaseId(key));
    // A short name after a long one: nothing of the long one is left in what is hashed.
    expect(derivedCaseId('source:Niche RMS\u0000bench/42/0/1')).toBe('d8b6b8a6-106c-50f7-b6a2-a2ee766f7719');
  });
});
