import type {
  Agency,
  CaseEventData,
  CaseEventMetadata,
  CaseEventOfType,
  CaseEventType,
  VictimRegistration,
} from '@case-journey/domain';

export const CASE_ID = 'case-1';

/**
 * A case event for specs: `caseId` filled in, recordedAt equal to occurredAt unless given.
 * `at` is an ISO instant in UTC.
 */
export function caseEvent<T extends CaseEventType>(
  type: T,
  eventId: string,
  at: string,
  agency: Agency,
  data: Omit<CaseEventData<T>, 'caseId'>,
  metadata: Partial<CaseEventMetadata> = {},
): CaseEventOfType<T> {
  return {
    type,
    data: { caseId: CASE_ID, ...data },
    metadata: { eventId, schemaVersion: 1, occurredAt: at, recordedAt: at, agency, recordedBy: 'spec', ...metadata },
  } as unknown as CaseEventOfType<T>;
}

/** A registered adult victim with consent to referral, no grounds and no opt-outs, unless overridden. */
export function victim(victimId: string, overrides: Partial<VictimRegistration> = {}): VictimRegistration {
  return {
    victimId,
    kind: 'person',
    personal: { keyId: `key-${victimId}`, algorithm: 'aes-256-gcm', iv: 'aXY=', ciphertext: 'Y2lwaGVy', authTag: 'dGFn' },
    ageBand: '25-34',
    under18AtOffence: false,
    enhancedGrounds: [],
    contactPreference: 'phone',
    consentToReferral: true,
    optOuts: [],
    ...overrides,
  };
}
