import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { londonMonthOf } from '@case-journey/victims-code';
import { ObligationsReader, type ComplianceFigures, type JsonText } from '@case-journey/projections';
import { GetComplianceFiguresQuery } from './get-compliance-figures.query';

@QueryHandler(GetComplianceFiguresQuery)
export class GetComplianceFiguresHandler implements IQueryHandler<GetComplianceFiguresQuery, JsonText<ComplianceFigures>> {
  constructor(
    private readonly obligations: ObligationsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ criteria }: GetComplianceFiguresQuery): Promise<JsonText<ComplianceFigures>> {
    // Months to come have no figures yet, only deadlines not due: never listed.
    return this.obligations.complianceText({ ...criteria, latestMonth: londonMonthOf(this.clock.now().getTime()) });
  }
}
