import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, matchesAuditFilter, type AuditLog } from '@case-journey/access';
import type { AuditPage } from './audit-page';
import { ListAuditQuery } from './list-audit.query';

@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery, AuditPage> {
  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  async execute({ filter, offset, limit }: ListAuditQuery): Promise<AuditPage> {
    const { entries, verification } = await this.log.read({ from: filter.from, to: filter.to });
    const matching = entries.filter((entry) => matchesAuditFilter(entry, filter));
    return { total: matching.length, offset, limit, entries: matching.slice(offset, offset + limit), chain: verification };
  }
}
