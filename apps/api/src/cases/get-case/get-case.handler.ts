import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CaseState } from '@case-journey/domain';
import { CaseNotFoundError } from '../case-errors';
import { CaseStreamRepository } from '../case-stream.repository';
import { GetCaseQuery } from './get-case.query';

export interface CaseView {
  caseId: string;
  revision: bigint;
  state: CaseState;
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  constructor(private readonly cases: CaseStreamRepository) {}

  async execute({ caseId }: GetCaseQuery): Promise<CaseView> {
    const loaded = await this.cases.load(caseId);
    if (!loaded) throw new CaseNotFoundError(caseId);
    return { caseId, revision: loaded.revision, state: loaded.state };
  }
}
