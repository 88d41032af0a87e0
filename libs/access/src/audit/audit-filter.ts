import type { AuditAction, AuditEntry } from './audit-entry';

/** What a data-protection officer looks for; every criterion given must hold. */
export interface AuditFilter {
  subject?: string;
  caseId?: string;
  victimId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
}

export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  const at = Date.parse(entry.at);
  return (
    (filter.subject === undefined || entry.subject === filter.subject) &&
    (filter.caseId === undefined || entry.caseIds.includes(filter.caseId)) &&
    (filter.victimId === undefined || entry.victimId === filter.victimId) &&
    (filter.action === undefined || entry.action === filter.action) &&
    (filter.from === undefined || at >= filter.from.getTime()) &&
    (filter.to === undefined || at <= filter.to.getTime())
  );
}
