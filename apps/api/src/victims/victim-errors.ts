/** The case holds no victim of that id (or their registration was retracted). */
export class VictimNotFoundError extends Error {
  override readonly name = 'VictimNotFoundError';
  constructor(
    readonly victimId: string,
    readonly caseId?: string,
  ) {
    super(caseId ? `Case ${caseId} holds no victim ${victimId}` : `No case holds victim ${victimId}`);
  }
}

/** The victim's personal data was erased: nothing that describes them can be shown again. */
export class VictimErasedError extends Error {
  override readonly name = 'VictimErasedError';
  constructor(
    readonly caseId: string,
    readonly victimId: string,
    readonly erasedAt: string | null,
  ) {
    super(`Victim ${victimId}'s personal data was erased${erasedAt ? ` on ${erasedAt}` : ''}: nothing that describes them can be shown`);
  }
}
