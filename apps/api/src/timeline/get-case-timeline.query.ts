export class GetCaseTimelineQuery {
  constructor(readonly caseId: string) {}
}
