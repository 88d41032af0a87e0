import { v4 as randomUuid, v5 as nameUuid } from 'uuid';

/** Fixed namespace for ids derived from agencies' own references. Never change it: ids would change. */
const CASE_JOURNEY_NAMESPACE = '5b0f3c1e-6a57-4d0e-9a43-2f1c8e7d9b10';

export interface RecordSource {
  sourceSystem?: string;
  sourceReference?: string;
  /** Idempotency-Key header, for callers without a reference of their own. */
  idempotencyKey?: string;
}

/** What makes two deliveries "the same record", or undefined when the caller gave nothing to tell. */
function recordKey(source: RecordSource): string | undefined {
  if (source.sourceSystem && source.sourceReference) return `source:${source.sourceSystem}\u0000${source.sourceReference}`;
  if (source.idempotencyKey) return `idempotency:${source.idempotencyKey}`;
  return undefined;
}

/** The event id: derived from the record's key within its case, so a re-delivery maps to the same event. */
export function eventIdFor(caseId: string, source: RecordSource): string {
  const key = recordKey(source);
  return key ? nameUuid(`${caseId}\u0000${key}`, CASE_JOURNEY_NAMESPACE) : randomUuid();
}

/** A new case's id: the caller's, else derived from the crime report's key, else random. */
export function caseIdFor(requestedCaseId: string | undefined, source: RecordSource): string {
  if (requestedCaseId) return requestedCaseId;
  const key = recordKey(source);
  return key ? nameUuid(`case\u0000${key}`, CASE_JOURNEY_NAMESPACE) : randomUuid();
}

/**
 * Ids of victims not given one: derived from the case and the record that names them (their place
 * in the crime report, or the registering event's id), so a re-delivery names the same victims.
 */
export function victimIdFor(caseId: string, namedBy: string | number, requestedVictimId?: string): string {
  return requestedVictimId ?? nameUuid(`${caseId}\u0000victim\u0000${namedBy}`, CASE_JOURNEY_NAMESPACE);
}
