export class CaseNotFoundError extends Error {
  override readonly name = 'CaseNotFoundError';
  constructor(readonly caseId: string) {
    super(`Case ${caseId} not found`);
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

/** A source reference or Idempotency-Key already used for a different kind of record on this case. */
export class RecordKeyReusedError extends Error {
  override readonly name = 'RecordKeyReusedError';
  constructor(
    readonly caseId: string,
    readonly eventId: string,
    readonly storedType: string,
    readonly sentType: string,
  ) {
    super(`This source reference (or Idempotency-Key) already recorded a ${storedType} on case ${caseId}, not a ${sentType}`);
  }
}
