export class GetCaseQuery {
  constructor(readonly caseId: string) {}
}
