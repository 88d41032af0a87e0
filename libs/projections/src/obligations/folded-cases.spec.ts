import { caseStateFrom, type CaseEvent } from '@case-journey/domain';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { FoldedCases } from './folded-cases';

const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const ms = (day: number) => Date.parse(at(day));
/** A case of `length` events: its report on 3 March, then one contact a day. */
const aCase = (caseId: string, length: number): CaseEvent[] => [
  aCrimeReport(caseId, at(3), [aVictim(`${caseId}-v`)]),
  ...Array.from({ length: length - 1 }, (_, i) => aCaseEvent(caseId, 'VictimInformed', at(4 + i), 'Police', { victimId: `${caseId}-v`, topic: 'other', channel: 'phone' })),
];

describe('FoldedCases', () => {
  it('given a case folded through its third event, gives that state back for three events judged after they were recorded', () => {
    const folded = new FoldedCases();
    const state = caseStateFrom(aCase('a', 3));
    folded.keep('a', state, ms(5));

    expect(folded.foldedThrough('a', 3, ms(5))?.state).toBe(state);
    expect(folded.foldedThrough('a', 3, ms(20))?.state).toBe(state);
  });

  it('gives nothing for another number of events, for an instant before one of them was recorded, or for a case never kept', () => {
    const folded = new FoldedCases();
    folded.keep('a', caseStateFrom(aCase('a', 3)), ms(5));

    expect(folded.foldedThrough('a', 2, ms(20))).toBeUndefined();
    expect(folded.foldedThrough('a', 4, ms(20))).toBeUndefined();
    expect(folded.foldedThrough('a', 3, ms(5) - 1)).toBeUndefined();
    expect(folded.foldedThrough('b', 3, ms(20))).toBeUndefined();
  });

  it('forgets the least recently kept cases past its bound, counting each case by its events', () => {
    const folded = new FoldedCases(10);
    folded.keep('a', caseStateFrom(aCase('a', 4)), ms(6));
    folded.keep('b', caseStateFrom(aCase('b', 4)), ms(6));
    folded.keep('a', caseStateFrom(aCase('a', 5)), ms(7)); // a again: now the most recent, 9 events held
    expect(folded.size).toEqual({ cases: 2, events: 9 });

    folded.keep('c', caseStateFrom(aCase('c', 3)), ms(5)); // 12 held: b, the least recent, goes
    expect(folded.size).toEqual({ cases: 2, events: 8 });
    expect(folded.foldedThrough('b', 4, ms(20))).toBeUndefined();
    expect(folded.foldedThrough('a', 5, ms(20))).toBeDefined();
    expect(folded.foldedThrough('c', 3, ms(20))).toBeDefined();
  });

  it('given a case only asked about since, forgets it before a case kept since', () => {
    const folded = new FoldedCases(10);
    folded.keep('a', caseStateFrom(aCase('a', 4)), ms(6));
    folded.keep('b', caseStateFrom(aCase('b', 4)), ms(6));
    expect(folded.foldedThrough('a', 4, ms(20))).toBeDefined(); // asking does not make a more recent

    folded.keep('c', caseStateFrom(aCase('c', 3)), ms(5)); // 11 held: a, the least recently kept, goes

    expect(folded.foldedThrough('a', 4, ms(20))).toBeUndefined();
    expect(folded.size).toEqual({ cases: 2, events: 7 });
  });

  it('keeps no case longer than its bound', () => {
    const folded = new FoldedCases(3);
    folded.keep('a', caseStateFrom(aCase('a', 4)), ms(6));
    expect(folded.size).toEqual({ cases: 0, events: 0 });
  });
});
