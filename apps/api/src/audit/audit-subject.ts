import type { Agency } from '@case-journey/domain';
import type { Principal } from '../access/access-policy';

/** Who the audit log and the erasure record name as having acted. */
export interface AuditSubject {
  subject: string;
  agency: Agency | null;
}

/**
 * The one place the caller's identity is read for the audit log and for what an erasure records:
 * the principal the AccessGuard put on the request.
 */
export function auditSubjectOf(request: { principal?: Principal }): AuditSubject {
  const principal = request.principal;
  if (!principal) throw new Error('No principal on the request: the AccessGuard did not run');
  return { subject: principal.user, agency: principal.agency ?? null };
}
