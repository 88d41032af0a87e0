import { v4 as randomUuid } from 'uuid';
import { derivedCaseId, derivedEventId, derivedVictimId, recordKey, type RecordSource } from '@case-journey/domain';

/** The event id: derived from the record's key within its case, else random (nothing to tell a re-delivery by). */
export function eventIdFor(caseId: string, source: RecordSource): string {
  const key = recordKey(source);
  return key ? derivedEventId(caseId, key) : randomUuid();
}

/** A new case's id: the caller's, else derived from the crime report's key, else random. Always lower case. */
export function caseIdFor(requestedCaseId: string | undefined, source: RecordSource): string {
  if (requestedCaseId) return requestedCaseId.toLowerCase();
  const key = recordKey(source);
  return key ? derivedCaseId(key) : randomUuid();
}

/** A victim's id: the caller's (lower case), else derived from the case and the record naming them. */
export function victimIdFor(caseId: string, namedBy: string | number, requestedVictimId?: string): string {
  return requestedVictimId?.toLowerCase() ?? derivedVictimId(caseId, namedBy);
}
