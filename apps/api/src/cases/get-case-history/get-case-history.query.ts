export class GetCaseHistoryQuery {
  constructor(readonly caseId: string) {}
}
