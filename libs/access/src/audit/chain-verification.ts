import { entryHash, headOf, type ChainHead } from './audit-chain';
import type { AuditEntry } from './audit-entry';

export type ChainBreak =
  /** The entry's fields no longer give its hash: it was changed after it was written. */
  | 'altered'
  /** Sequence numbers jump: the entries in between were removed. */
  | 'missing'
  /** The entry names another previous hash than the entry before it has: that one was replaced. */
  | 'relinked';

export type ChainVerification =
  | { intact: true; checked: number; firstSequence: number | null; lastSequence: number | null; headHash: string }
  | { intact: false; checked: number; brokenAt: number; problem: ChainBreak; detail: string };

/**
 * Checks entries read in order, from `anchor` (the entry just before them, or the empty chain):
 * each must hash to its own hash, follow the one before in sequence, and carry its hash. Reports the
 * first break. Removing the last entries leaves a shorter chain that is still whole: only a head
 * kept elsewhere (the `headHash` reported here) can show that.
 */
export function verifyChain(entries: readonly AuditEntry[], anchor: ChainHead): ChainVerification {
  let previous = anchor;
  let checked = 0;
  for (const entry of entries) {
    const { hash, ...unsigned } = entry;
    const problem = breakBetween(previous, entry, entryHash(unsigned) === hash);
    if (problem) return { intact: false, checked, brokenAt: entry.sequence, ...problem };
    previous = headOf(entry);
    checked += 1;
  }
  return {
    intact: true,
    checked,
    firstSequence: entries[0]?.sequence ?? null,
    lastSequence: entries.length > 0 ? previous.sequence : null,
    headHash: previous.hash,
  };
}

function breakBetween(previous: ChainHead, entry: AuditEntry, hashHolds: boolean): { problem: ChainBreak; detail: string } | undefined {
  if (!hashHolds) return { problem: 'altered', detail: `Entry ${entry.sequence} does not match its hash: it was changed after it was written` };
  if (entry.sequence !== previous.sequence + 1) {
    const gap = entry.sequence - previous.sequence - 1;
    return gap > 0
      ? { problem: 'missing', detail: `${gap === 1 ? 'Entry' : 'Entries'} ${previous.sequence + 1}${gap === 1 ? '' : `–${entry.sequence - 1}`} before entry ${entry.sequence} ${gap === 1 ? 'is' : 'are'} missing` }
      : { problem: 'relinked', detail: `Entry ${entry.sequence} follows entry ${previous.sequence}: the log was reordered or an entry repeated` };
  }
  if (entry.previousHash !== previous.hash) {
    return { problem: 'relinked', detail: `Entry ${entry.sequence} does not carry the hash of entry ${previous.sequence}: that entry was replaced` };
  }
  return undefined;
}
