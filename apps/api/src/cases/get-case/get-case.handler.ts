import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { caseStateFrom, caseView, type CaseView } from '@case-journey/domain';
import { CLOCK, type Clock } from '@case-journey/platform';
import { caseStreamAsOf, pastInstant } from '../as-of/case-as-of';
import { CaseNotFoundError } from '../case-errors';
import { CaseStreamRepository } from '../case-stream.repository';
import { GetCaseQuery } from './get-case.query';

export interface CaseReading {
  caseId: string;
  revision: bigint;
  state: CaseView;
  /** The instant read as of, when one was asked for. */
  asOf?: string;
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseReading> {
  constructor(
    private readonly cases: CaseStreamRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caseId, areas, asOf: asked }: GetCaseQuery): Promise<CaseReading> {
    const asOf = pastInstant(asked, this.clock.now());
    if (asOf) {
      const stream = await caseStreamAsOf(this.cases, caseId, asOf, areas);
      return { caseId, revision: stream.revision, state: caseView(caseStateFrom(stream.events)), asOf: asOf.toISOString() };
    }
    const loaded = await this.cases.load(caseId);
    if (!loaded || !withinAreas(areas, loaded.state.area)) throw new CaseNotFoundError(caseId);
    return { caseId, revision: loaded.revision, state: caseView(loaded.state) };
  }
}
