import type { AuditFilter } from '@case-journey/access';

export class ListAuditQuery {
  constructor(
    readonly filter: AuditFilter,
    readonly offset: number,
    readonly limit: number,
  ) {}
}
