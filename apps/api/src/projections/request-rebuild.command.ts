import type { ProjectionName } from '@case-journey/projections';

export class RequestRebuildCommand {
  constructor(readonly projection: ProjectionName) {}
}
