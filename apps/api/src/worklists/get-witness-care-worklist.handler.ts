import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ObligationsReader, type WorklistPage } from '@case-journey/projections';
import { GetWitnessCareWorklistQuery } from './get-witness-care-worklist.query';

@QueryHandler(GetWitnessCareWorklistQuery)
export class GetWitnessCareWorklistHandler implements IQueryHandler<GetWitnessCareWorklistQuery, WorklistPage> {
  constructor(private readonly obligations: ObligationsReader) {}

  execute({ criteria }: GetWitnessCareWorklistQuery): Promise<WorklistPage> {
    return this.obligations.worklist(criteria);
  }
}
