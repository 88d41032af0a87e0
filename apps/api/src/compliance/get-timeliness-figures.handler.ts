import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ObligationsReader, type TimelinessFigures } from '@case-journey/projections';
import { GetTimelinessFiguresQuery } from './get-timeliness-figures.query';

@QueryHandler(GetTimelinessFiguresQuery)
export class GetTimelinessFiguresHandler implements IQueryHandler<GetTimelinessFiguresQuery, TimelinessFigures> {
  constructor(private readonly obligations: ObligationsReader) {}

  execute({ criteria }: GetTimelinessFiguresQuery): Promise<TimelinessFigures> {
    return this.obligations.timeliness(criteria);
  }
}
