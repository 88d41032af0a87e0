import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { londonMonthOf } from '@case-journey/victims-code';
import { ObligationsReader, type JsonText, type TimelinessFigures } from '@case-journey/projections';
import { GetTimelinessFiguresQuery } from './get-timeliness-figures.query';

@QueryHandler(GetTimelinessFiguresQuery)
export class GetTimelinessFiguresHandler implements IQueryHandler<GetTimelinessFiguresQuery, JsonText<TimelinessFigures>> {
  constructor(
    private readonly obligations: ObligationsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ criteria }: GetTimelinessFiguresQuery): Promise<JsonText<TimelinessFigures>> {
    // Months to come have no figures yet, only deadlines not due: never listed.
    return this.obligations.timelinessText({ ...criteria, latestMonth: londonMonthOf(this.clock.now().getTime()) });
  }
}
