import type { AuditEntry, ChainVerification } from '@case-journey/access';

/** A page of the audit log's matching entries, in the order written, and whether the chain held over the span read. */
export interface AuditPage {
  total: number;
  offset: number;
  limit: number;
  entries: AuditEntry[];
  /** Checked over every entry between from and to (whatever the other filters), and the link to the one before. */
  chain: ChainVerification;
}
