export class GetCaseTimelineQuery {
  constructor(
    readonly caseId: string,
    /** The caller's areas: a case of another area is not found. Undefined reads any area. */
    readonly areas?: readonly string[],
  ) {}
}
