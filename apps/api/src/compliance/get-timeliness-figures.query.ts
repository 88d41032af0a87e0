import type { TimelinessQuery } from '@case-journey/projections';

export class GetTimelinessFiguresQuery {
  constructor(readonly criteria: TimelinessQuery) {}
}
