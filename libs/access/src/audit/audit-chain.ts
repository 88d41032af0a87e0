import { createHash } from 'node:crypto';
import type { AuditEntry, AuditRecord } from './audit-entry';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where the chain ends: what the next entry links to. */
export interface ChainHead {
  /** The last entry's sequence, -1 before the first. */
  sequence: number;
  hash: string;
}

export const EMPTY_CHAIN: ChainHead = { sequence: -1, hash: GENESIS_HASH };

/** The hash of an entry: every field in a fixed order, so that the same entry always hashes the same. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = [entry.sequence, entry.previousHash, entry.at, entry.subject, entry.agency, entry.action, entry.caseIds, entry.victimId, entry.purpose, entry.reason];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The records as entries following `head`, each linked to the one before. */
export function chainEntries(head: ChainHead, records: readonly AuditRecord[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = head;
  for (const record of records) {
    const unsigned = { ...record, sequence: previous.sequence + 1, previousHash: previous.hash };
    const entry = { ...unsigned, hash: entryHash(unsigned) };
    entries.push(entry);
    previous = entry;
  }
  return entries;
}

export const headOf = (entry: AuditEntry): ChainHead => ({ sequence: entry.sequence, hash: entry.hash });
