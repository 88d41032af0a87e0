import { caseStateFrom } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { loadConfiguration } from '@case-journey/platform';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../../../../libs/projections/src/testing/case-events';
import { CaseStreamRepository } from './case-stream.repository';

const KEPT = loadConfiguration({});
const contact = (at: string) => aCaseEvent('c', 'VictimInformed', at, 'Police', { victimId: 'v-1', topic: 'other', channel: 'phone' });

describe('loading a case to write to it', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = SqliteEventStore.inMemory()));
  afterEach(() => store.close());

  it('reads only the events after the revision it holds, and folds them on to the same state as a fresh read', async () => {
    await appendEvents(store, [aCrimeReport('c', '2025-03-03T10:00:00.000Z', [aVictim('v-1')]), contact('2025-03-04T10:00:00.000Z')]);
    const cases = new CaseStreamRepository(store, KEPT);
    expect((await cases.load('c'))?.revision).toBe(1n);

    // Another process appends two events.
    await appendEvents(store, [contact('2025-03-05T10:00:00.000Z'), contact('2025-03-06T10:00:00.000Z')]);
    const reads = jest.spyOn(store, 'readStream');
    const loaded = await cases.load('c');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0][1]).toEqual({ fromRevision: 2n });
    expect(loaded?.revision).toBe(3n);
    expect(loaded?.events).toHaveLength(4);
    const fresh = await new CaseStreamRepository(store, KEPT).load('c');
    expect(loaded?.state).toEqual(fresh?.state);
    expect(loaded?.state).toEqual(caseStateFrom(fresh!.events));
    expect(loaded?.recorded.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);

    // Nothing new: the store answers nothing after revision 3, and the case is as it was.
    expect(await cases.load('c')).toBe(loaded);
  });

  it('folds on a retraction among the newer events as a fresh read does, the case then holding every event once', async () => {
    const first = contact('2025-03-04T10:00:00.000Z');
    await appendEvents(store, [aCrimeReport('c', '2025-03-03T10:00:00.000Z', [aVictim('v-1')]), first]);
    const cases = new CaseStreamRepository(store, KEPT);
    await cases.load('c');

    const retraction = aCaseEvent('c', 'EventRetracted', '2025-03-05T10:00:00.000Z', 'Police', { retractedEventId: first.metadata.eventId, reason: 'keyed twice' });
    await appendEvents(store, [retraction, contact('2025-03-06T10:00:00.000Z')]);
    const loaded = await cases.load('c');
    const fresh = await new CaseStreamRepository(store, KEPT).load('c');
    expect(loaded?.state).toEqual(fresh?.state);
    expect(loaded?.state.retractedEventIds).toEqual([first.metadata.eventId]);
    expect(loaded?.events.map((event) => event.type)).toEqual(['CrimeReported', 'VictimInformed', 'EventRetracted', 'VictimInformed']);
    expect(loaded?.recorded.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('knows no case the store does not hold', async () => {
    expect(await new CaseStreamRepository(store, KEPT).load('unknown')).toBeUndefined();
  });

  it('given FOLDED_EVENTS_KEPT, when the cases loaded hold more events than that, then the least recently loaded is forgotten and read whole again', async () => {
    await appendEvents(store, [aCrimeReport('a', '2025-03-03T10:00:00.000Z', [aVictim('v-1')]), aCaseEvent('a', 'VictimInformed', '2025-03-04T10:00:00.000Z', 'Police', { victimId: 'v-1', topic: 'other', channel: 'phone' })]);
    await appendEvents(store, [aCrimeReport('b', '2025-03-03T11:00:00.000Z', [aVictim('v-2')])]);
    // Case a holds 2 events and b 1: three events kept at most, so both fit, and a third event of b pushes a out.
    const cases = new CaseStreamRepository(store, loadConfiguration({ FOLDED_EVENTS_KEPT: '3' }));
    await cases.load('a');
    await cases.load('b');
    const reads = jest.spyOn(store, 'readStream');
    await cases.load('a');
    expect(reads.mock.calls.at(-1)?.[1]).toEqual({ fromRevision: 2n });

    await appendEvents(store, [aCaseEvent('b', 'VictimInformed', '2025-03-04T11:00:00.000Z', 'Police', { victimId: 'v-2', topic: 'other', channel: 'phone' })]);
    await cases.load('b'); // 2 + 2 events: a, loaded before b, is forgotten
    await cases.load('a');
    expect(reads.mock.calls.at(-1)?.[1]).toBeUndefined();
  });

  it('given FOLDED_EVENTS_KEPT=0, then no case is kept and every load reads the whole case', async () => {
    await appendEvents(store, [aCrimeReport('c', '2025-03-03T10:00:00.000Z', [aVictim('v-1')]), contact('2025-03-04T10:00:00.000Z')]);
    const cases = new CaseStreamRepository(store, loadConfiguration({ FOLDED_EVENTS_KEPT: '0' }));
    const first = await cases.load('c');
    const reads = jest.spyOn(store, 'readStream');
    const again = await cases.load('c');
    expect(reads.mock.calls.map((call) => call[1])).toEqual([undefined]);
    expect(again).not.toBe(first);
    expect(again?.state).toEqual(first?.state);
  });
});
