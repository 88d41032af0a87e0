export class GetVictimJourneyQuery {
  constructor(
    readonly caseId: string,
    readonly victimId: string,
  ) {}
}
