import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { CaseFinderReader, type CaseFinderPage } from '@case-journey/projections';
import { FindCasesQuery } from './find-cases.query';

@QueryHandler(FindCasesQuery)
export class FindCasesHandler implements IQueryHandler<FindCasesQuery, CaseFinderPage> {
  constructor(
    private readonly finder: CaseFinderReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ criteria }: FindCasesQuery): Promise<CaseFinderPage> {
    return this.finder.find({ ...criteria, now: this.clock.now() });
  }
}
