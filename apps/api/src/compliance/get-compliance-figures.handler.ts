import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ObligationsReader, type ComplianceFigures } from '@case-journey/projections';
import { GetComplianceFiguresQuery } from './get-compliance-figures.query';

@QueryHandler(GetComplianceFiguresQuery)
export class GetComplianceFiguresHandler implements IQueryHandler<GetComplianceFiguresQuery, ComplianceFigures> {
  constructor(private readonly obligations: ObligationsReader) {}

  execute({ criteria }: GetComplianceFiguresQuery): Promise<ComplianceFigures> {
    return this.obligations.compliance(criteria);
  }
}
