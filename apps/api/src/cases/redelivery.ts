import { CURRENT_SCHEMA_VERSION, contentHashOf, differingContent, recordedPositionOf, sealedDetailsOf, type CaseCommand, type SealedPersonalData, type VictimPersonalData } from '@case-journey/domain';
import { victimKeyId, type PersonalDataVault, type SealPersonalData } from '@case-journey/personal-data';
import { RecordKeyReusedError } from './case-errors';
import type { LoadedCase } from './case-stream.repository';
import type { RecordedHandoff, Recording } from './handoff-recorder';

/**
 * Stands in for the vault while a re-delivery is rebuilt to be compared: it notes each victim's
 * details and seals nothing, so comparing makes no key (nor needs one that was erased).
 */
class NotedDetails {
  readonly details = new Map<string, VictimPersonalData>();

  readonly seal: SealPersonalData = (victimId, data) => {
    const keyId = victimKeyId(victimId);
    this.details.set(keyId, data);
    return { keyId, algorithm: 'aes-256-gcm', iv: '', ciphertext: '', authTag: '' } satisfies SealedPersonalData;
  };
}

/** A crime report's data is the request's top level (`area`); a handoff's is its `data`. */
const asTheRequestNamesIt = (type: string, part: string): string => (type === 'CrimeReported' ? part.replace(/^data\./, '') : part);

/**
 * The answer given the first time, if this record was stored before. The key re-used for another
 * kind of record, or for the same kind with other content, is refused (422 record-key-reused).
 * With `compareContent` false (the key is the server's own, for an act), only the type is.
 */
export function earlierRecording(loaded: LoadedCase, recording: Recording, vault: PersonalDataVault, compareContent = true): RecordedHandoff | undefined {
  // The state's ledger holds the stream's events in their order, as `recorded` does: its index is theirs.
  const index = recordedPositionOf(loaded.state, recording.eventId);
  if (index < 0) return undefined;
  const event = loaded.recorded[index];
  if (event.type !== recording.type) throw new RecordKeyReusedError(loaded.caseId, recording.eventId, event.type, recording.type);
  const differences = compareContent ? contentDifferences(loaded, index, recording, vault) : [];
  if (differences.length > 0) throw new RecordKeyReusedError(loaded.caseId, recording.eventId, event.type, recording.type, differences);
  return { caseId: loaded.caseId, eventId: event.id, type: event.type, revision: event.revision, recordedAt: String(event.metadata.recordedAt), replayed: true };
}

/**
 * What the re-delivery says differently, judged by the content hash stored with the event. An
 * event stored without one (before hashes, or at an older schema version) cannot be compared and
 * counts as the same. Victims' details, kept out of the hash, are compared with their sealed copy
 * when the victim's key is there to open it.
 */
function contentDifferences(loaded: LoadedCase, index: number, recording: Recording, vault: PersonalDataVault): string[] {
  const stored = loaded.events[index];
  const { contentHash, schemaVersion } = stored.metadata;
  if (contentHash === undefined || schemaVersion !== CURRENT_SCHEMA_VERSION) return [];
  const noted = new NotedDetails();
  const resent: CaseCommand = recording.build(loaded, noted.seal);
  const hashDiffers = contentHashOf(resent) !== contentHash;
  const parts = hashDiffers ? differingContent(stored, resent) : [];
  if (hashDiffers && parts.length === 0) parts.push('content');
  const details = sealedDetailsOf(stored)
    .filter(({ sealed }) => {
      const sent = noted.details.get(sealed.keyId);
      return sent !== undefined && vault.holdsSame(sealed, sent) === false;
    })
    .map(({ path }) => `${path} (sealed details)`);
  return [...parts, ...details].map((part) => asTheRequestNamesIt(stored.type, part));
}
