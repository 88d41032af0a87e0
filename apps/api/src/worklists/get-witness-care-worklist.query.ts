import type { WorklistQuery } from '@case-journey/projections';

export class GetWitnessCareWorklistQuery {
  constructor(readonly criteria: WorklistQuery) {}
}
