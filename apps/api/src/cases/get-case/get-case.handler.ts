import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { caseView, type CaseView } from '@case-journey/domain';
import { CaseNotFoundError } from '../case-errors';
import { CaseStreamRepository } from '../case-stream.repository';
import { GetCaseQuery } from './get-case.query';

export interface CaseReading {
  caseId: string;
  revision: bigint;
  state: CaseView;
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseReading> {
  constructor(private readonly cases: CaseStreamRepository) {}

  async execute({ caseId, areas }: GetCaseQuery): Promise<CaseReading> {
    const loaded = await this.cases.load(caseId);
    if (!loaded || !withinAreas(areas, loaded.state.area)) throw new CaseNotFoundError(caseId);
    return { caseId, revision: loaded.revision, state: caseView(loaded.state) };
  }
}
