export class CaseNotFoundError extends Error {
  override readonly name = 'CaseNotFoundError';
  constructor(
    readonly caseId: string,
    detail = `Case ${caseId} not found`,
  ) {
    super(detail);
  }
}

/** The case moved on since the revision the caller (or our own retries) worked from. */
export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
  constructor(
    readonly caseId: string,
    readonly expectedRevision: bigint,
    readonly currentRevision: bigint | undefined,
  ) {
    super(`Case ${caseId} is at revision ${currentRevision ?? 'none'}, not ${expectedRevision}`);
  }
}

/**
 * A source reference or Idempotency-Key already used on this case for a different record: another
 * kind of record, or the same kind saying something else (`differences` names what).
 */
export class RecordKeyReusedError extends Error {
  override readonly name = 'RecordKeyReusedError';
  constructor(
    readonly caseId: string,
    readonly eventId: string,
    readonly storedType: string,
    readonly sentType: string,
    readonly differences: string[] = ['type'],
  ) {
    super(
      storedType !== sentType
        ? `This source reference (or Idempotency-Key) already recorded a ${storedType} on case ${caseId}, not a ${sentType}`
        : `This source reference (or Idempotency-Key) was already used on case ${caseId} for a ${storedType} with different content (${differences.join(', ')}): send a correction (EventCorrected) to change what was recorded, or a new reference for a new record`,
    );
  }
}
