import type { CaseEvent } from '../events';
import { aCrimeReport, anEvent } from '../testing/case-builders';
import { findRecordedEvent, isAlreadyRecorded, recordedPositionOf } from './case-lookups';
import { caseStateAfter, caseStateFrom, evolve } from './evolve';

const aContact = (eventId?: string): CaseEvent =>
  anEvent('VictimInformed', { victimId: 'victim-1', topic: 'other', channel: 'phone' }, eventId ? { eventId } : {}) as CaseEvent;
const idOf = (event: CaseEvent) => event.metadata.eventId;

describe('where a case holds an event (the ledger index)', () => {
  it('given a case read whole, finds each event at its place in the stream and nothing else', () => {
    const events = [aCrimeReport(), aContact(), aContact()];
    const state = caseStateFrom(events);
    expect(events.map((event) => recordedPositionOf(state, idOf(event)))).toEqual([0, 1, 2]);
    expect(recordedPositionOf(state, 'never-recorded')).toBe(-1);
    expect(findRecordedEvent(state, idOf(events[2]))).toBe(events[2]);
    expect(isAlreadyRecorded(state, 'never-recorded')).toBe(false);
  });

  it('given states evolved one from another, each sees its own events and none recorded after it', () => {
    const [report, first, second] = [aCrimeReport(), aContact(), aContact()];
    const reported = caseStateFrom([report]);
    expect(recordedPositionOf(reported, idOf(report))).toBe(0); // the index is made here, then shared
    const once = evolve(reported, first);
    const twice = evolve(once, second);
    expect(recordedPositionOf(twice, idOf(second))).toBe(2);
    expect(recordedPositionOf(once, idOf(first))).toBe(1);
    expect(recordedPositionOf(once, idOf(second))).toBe(-1);
    expect(recordedPositionOf(reported, idOf(first))).toBe(-1);
  });

  it('given one state evolved two ways, neither branch sees the other one’s event', () => {
    const reported = caseStateFrom([aCrimeReport()]);
    recordedPositionOf(reported, 'anything');
    const [left, right] = [aContact(), aContact()];
    const leftState = evolve(reported, left);
    const rightState = evolve(reported, right);
    expect(recordedPositionOf(leftState, idOf(left))).toBe(1);
    expect(recordedPositionOf(leftState, idOf(right))).toBe(-1);
    expect(recordedPositionOf(rightState, idOf(right))).toBe(1);
    expect(recordedPositionOf(rightState, idOf(left))).toBe(-1);
    // And the first branch, carried on, still sees only its own.
    const further = aContact();
    const leftAgain = evolve(leftState, further);
    expect([idOf(left), idOf(right), idOf(further)].map((id) => recordedPositionOf(leftAgain, id))).toEqual([1, -1, 2]);
  });

  it('given several events added at once, finds each where caseStateAfter put it', () => {
    const reported = caseStateFrom([aCrimeReport()]);
    recordedPositionOf(reported, 'anything');
    const added = [aContact(), aContact(), aContact()];
    const after = caseStateAfter(reported, added);
    expect(added.map((event) => recordedPositionOf(after, idOf(event)))).toEqual([1, 2, 3]);
  });

  it('given an id that appears twice in a ledger, gives its first place, as a walk from the start would', () => {
    const report = aCrimeReport();
    const reported = caseStateFrom([report, aContact('contact-1')]);
    recordedPositionOf(reported, 'anything');
    const repeated = evolve(reported, aContact('contact-1'));
    expect(recordedPositionOf(repeated, 'contact-1')).toBe(1);
    const later = evolve(repeated, aContact('contact-2'));
    expect(recordedPositionOf(later, 'contact-2')).toBe(3);
    expect(recordedPositionOf(later, 'contact-1')).toBe(1);
  });
});
