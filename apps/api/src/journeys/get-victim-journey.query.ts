export class GetVictimJourneyQuery {
  constructor(
    readonly caseId: string,
    readonly victimId: string,
    /** The caller's areas: a victim on a case of another area is not found. Undefined reads any area. */
    readonly areas?: readonly string[],
    /** `?asOf=` as given: judged from the event store as recorded by then. */
    readonly asOf?: string,
  ) {}
}
