import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ObligationsReader, type ComplianceFigures, type JsonText } from '@case-journey/projections';
import { GetComplianceFiguresQuery } from './get-compliance-figures.query';

@QueryHandler(GetComplianceFiguresQuery)
export class GetComplianceFiguresHandler implements IQueryHandler<GetComplianceFiguresQuery, JsonText<ComplianceFigures>> {
  constructor(private readonly obligations: ObligationsReader) {}

  execute({ criteria }: GetComplianceFiguresQuery): Promise<JsonText<ComplianceFigures>> {
    return this.obligations.complianceText(criteria);
  }
}
