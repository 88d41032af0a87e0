import type { AuditEntry, AuditRecord } from './audit-entry';
import type { ChainVerification } from './chain-verification';

/** A span of time to read; either end may be open. */
export interface AuditWindow {
  from?: Date;
  to?: Date;
}

export interface AuditReading {
  /** Every entry in the window, in the order written. */
  entries: AuditEntry[];
  /** The chain checked over the window and the link to the entry before it. */
  verification: ChainVerification;
}

/**
 * The append-only audit log, durable and shared by every process. `record` resolves once the
 * entries are stored: what it records may be shown only after that.
 */
export interface AuditLog {
  record(records: readonly AuditRecord[]): Promise<AuditEntry[]>;
  read(window: AuditWindow): Promise<AuditReading>;
}

export const AUDIT_LOG = Symbol('AUDIT_LOG');
