import type { CaseEvent } from '../events';

/**
 * Where each event id first stands in a case's ledger, so that asking whether a case holds an event
 * reads one entry instead of walking the case's whole history: on every write, `decide` asks it of
 * the new record (a re-delivery adds nothing), and the API asks it to answer a re-delivery as the
 * first time. Walked, a long case cost a cache miss or two per event on each write.
 *
 * The index belongs to a ledger array, not to the state (so states still compare and copy as plain
 * data). A ledger made by adding events at the end of another shares the other's index, which
 * only grows: a position the index holds is true for every ledger of that chain, and each ledger
 * counts only the positions below its own length. A ledger that is not the longest of its chain
 * (a case evolved twice from one state) or whose added events repeat an id gets an index of its
 * own, built on its first lookup.
 */
const indexes = new WeakMap<readonly CaseEvent[], Map<string, number>>();

function indexOf(ledger: readonly CaseEvent[]): Map<string, number> {
  let index = indexes.get(ledger);
  if (!index) {
    index = new Map();
    for (let position = 0; position < ledger.length; position++) {
      const { eventId } = ledger[position].metadata;
      if (!index.has(eventId)) index.set(eventId, position);
    }
    indexes.set(ledger, index);
  }
  return index;
}

/** The position of the first event with this id in the ledger, or -1 when it holds none. */
export function ledgerPositionOf(ledger: readonly CaseEvent[], eventId: string): number {
  const position = indexOf(ledger).get(eventId);
  return position !== undefined && position < ledger.length ? position : -1;
}

/** `longer`, which is `ledger` with `added` after it, shares `ledger`'s index when it can (see above). */
export function extendLedgerIndex(ledger: readonly CaseEvent[], longer: readonly CaseEvent[], added: readonly CaseEvent[]): void {
  const index = indexes.get(ledger);
  if (!index || index.size !== ledger.length) return;
  const ids = added.map((event) => event.metadata.eventId);
  if (new Set(ids).size !== ids.length || ids.some((id) => index.has(id))) return;
  ids.forEach((id, offset) => index.set(id, ledger.length + offset));
  indexes.set(longer, index);
}
