import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ObligationsReader, type JsonText, type TimelinessFigures } from '@case-journey/projections';
import { GetTimelinessFiguresQuery } from './get-timeliness-figures.query';

@QueryHandler(GetTimelinessFiguresQuery)
export class GetTimelinessFiguresHandler implements IQueryHandler<GetTimelinessFiguresQuery, JsonText<TimelinessFigures>> {
  constructor(private readonly obligations: ObligationsReader) {}

  execute({ criteria }: GetTimelinessFiguresQuery): Promise<JsonText<TimelinessFigures>> {
    return this.obligations.timelinessText(criteria);
  }
}
