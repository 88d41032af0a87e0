import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ObligationsReader, type WorklistText } from '@case-journey/projections';
import { GetWitnessCareWorklistQuery } from './get-witness-care-worklist.query';

@QueryHandler(GetWitnessCareWorklistQuery)
export class GetWitnessCareWorklistHandler implements IQueryHandler<GetWitnessCareWorklistQuery, WorklistText> {
  constructor(private readonly obligations: ObligationsReader) {}

  execute({ criteria }: GetWitnessCareWorklistQuery): Promise<WorklistText> {
    return this.obligations.worklistText(criteria);
  }
}
