import { randomUUID } from 'node:crypto';
import { caseStreamId, type Agency, type CaseEvent, type CaseEventData, type CaseEventMetadata, type CaseEventOfType, type CaseEventType, type VictimRegistration } from '@case-journey/domain';
import type { EventStore } from '@case-journey/event-store';

/** Event data without the case id, which the builder fills in. */
export type DataOf<T extends CaseEventType> = Omit<CaseEventData<T>, 'caseId'>;

/** A case event for specs: a random id, recorded when it happened unless told otherwise. */
export function aCaseEvent<T extends CaseEventType>(
  caseId: string,
  type: T,
  at: string,
  agency: Agency,
  data: DataOf<T>,
  metadata: Partial<CaseEventMetadata> = {},
): CaseEventOfType<T> {
  return {
    type,
    data: { caseId, ...data },
    metadata: { eventId: randomUUID(), schemaVersion: 1, occurredAt: at, recordedAt: at, agency, recordedBy: 'spec', ...metadata },
  } as unknown as CaseEventOfType<T>;
}

/** An adult victim with consent to referral, no enhanced grounds and no opt-outs, unless overridden. */
export function aVictim(victimId: string, overrides: Partial<VictimRegistration> = {}): VictimRegistration {
  return {
    victimId,
    kind: 'person',
    personal: { keyId: `key-${victimId}`, algorithm: 'aes-256-gcm', iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' },
    ageBand: '25-34',
    under18AtOffence: false,
    sex: 'female',
    ethnicity: 'white',
    enhancedGrounds: [],
    contactPreference: 'phone',
    consentToReferral: true,
    optOuts: [],
    ...overrides,
  };
}

/** A crime report of a burglary in `area` with the given victims. */
export function aCrimeReport(caseId: string, at: string, victims: VictimRegistration[], area = 'Wessex', metadata: Partial<CaseEventMetadata> = {}) {
  return aCaseEvent(caseId, 'CrimeReported', at, 'Police', { area, urn: '99WX0000001', offence: { description: 'Burglary of a dwelling', category: 'burglary' }, victims }, metadata);
}

/** Appends events to their cases' streams, one append per event, as agencies' feeds would. */
export async function appendEvents(store: EventStore, events: readonly CaseEvent[]): Promise<void> {
  for (const event of events) {
    await store.append(caseStreamId(event.data.caseId), [
      { id: event.metadata.eventId, type: event.type, data: event.data, metadata: event.metadata as unknown as Record<string, unknown> },
    ]);
  }
}
