import type { Agency } from '@case-journey/domain';
import type { AccessPurpose } from './access-purposes';

/** What the audit log records: every unsealing of a victim's details, every read of a case's victims, every erasure. */
export const AUDIT_ACTIONS = ['victim-details-read', 'victim-journey-read', 'worklist-read', 'victim-data-erased'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One access to personal data, as the caller's side knows it. */
export interface AuditRecord {
  /** When it happened (ISO-8601, UTC). */
  at: string;
  /** Who: the principal's subject. */
  subject: string;
  agency: Agency | null;
  action: AuditAction;
  /** The cases whose victims were read (a worklist page names several). */
  caseIds: string[];
  victimId: string | null;
  /** The stated purpose, for an unsealing. */
  purpose: AccessPurpose | null;
  /** The stated reason, for an erasure. */
  reason: string | null;
}

/**
 * A record as the log keeps it: numbered, and chained to the entry before it by that entry's hash,
 * so that an entry removed or altered anywhere but at the very end breaks the chain where it was.
 */
export interface AuditEntry extends AuditRecord {
  /** 0 for the first entry, then one more for each. */
  sequence: number;
  /** The hash of the entry before (GENESIS_HASH for the first). */
  previousHash: string;
  /** SHA-256 (hex) of this entry's fields and previousHash. */
  hash: string;
}
