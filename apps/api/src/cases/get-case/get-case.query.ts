export class GetCaseQuery {
  constructor(
    readonly caseId: string,
    /** The caller's areas: a case of another area is not found. Undefined reads any area. */
    readonly areas?: readonly string[],
    /** `?asOf=` as given: read from the event store as recorded by then. */
    readonly asOf?: string,
  ) {}
}
