import type { WorklistQuery } from '@case-journey/projections';
import type { DueWindow } from './witness-care-worklist.dto';

/** The worklist's criteria; the handler turns `due` and a plain `dueBefore` date into instants at the clock's now. */
export class GetWitnessCareWorklistQuery {
  constructor(readonly criteria: Omit<WorklistQuery, 'dueBefore' | 'dueAfter'> & { due?: DueWindow; dueBefore?: string }) {}
}
