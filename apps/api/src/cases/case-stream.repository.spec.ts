import { caseStateFrom } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../../../../libs/projections/src/testing/case-events';
import { CaseStreamRepository } from './case-stream.repository';

const contact = (at: string) => aCaseEvent('c', 'VictimInformed', at, 'Police', { victimId: 'v-1', topic: 'other', channel: 'phone' });

describe('loading a case to write to it', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = SqliteEventStore.inMemory()));
  afterEach(() => store.close());

  it('reads only the events after the revision it holds, and folds them on to the same state as a fresh read', async () => {
    await appendEvents(store, [aCrimeReport('c', '2025-03-03T10:00:00.000Z', [aVictim('v-1')]), contact('2025-03-04T10:00:00.000Z')]);
    const cases = new CaseStreamRepository(store);
    expect((await cases.load('c'))?.revision).toBe(1n);

    // Another process appends two events.
    await appendEvents(store, [contact('2025-03-05T10:00:00.000Z'), contact('2025-03-06T10:00:00.000Z')]);
    const reads = jest.spyOn(store, 'readStream');
    const loaded = await cases.load('c');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0][1]).toEqual({ fromRevision: 2n });
    expect(loaded?.revision).toBe(3n);
    expect(loaded?.events).toHaveLength(4);
    const fresh = await new CaseStreamRepository(store).load('c');
    expect(loaded?.state).toEqual(fresh?.state);
    expect(loaded?.state).toEqual(caseStateFrom(fresh!.events));
    expect(loaded?.recorded.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);

    // Nothing new: the store answers nothing after revision 3, and the case is as it was.
    expect(await cases.load('c')).toBe(loaded);
  });

  it('folds on a retraction among the newer events as a fresh read does, the case then holding every event once', async () => {
    const first = contact('2025-03-04T10:00:00.000Z');
    await appendEvents(store, [aCrimeReport('c', '2025-03-03T10:00:00.000Z', [aVictim('v-1')]), first]);
    const cases = new CaseStreamRepository(store);
    await cases.load('c');

    const retraction = aCaseEvent('c', 'EventRetracted', '2025-03-05T10:00:00.000Z', 'Police', { retractedEventId: first.metadata.eventId, reason: 'keyed twice' });
    await appendEvents(store, [retraction, contact('2025-03-06T10:00:00.000Z')]);
    const loaded = await cases.load('c');
    const fresh = await new CaseStreamRepository(store).load('c');
    expect(loaded?.state).toEqual(fresh?.state);
    expect(loaded?.state.retractedEventIds).toEqual([first.metadata.eventId]);
    expect(loaded?.events.map((event) => event.type)).toEqual(['CrimeReported', 'VictimInformed', 'EventRetracted', 'VictimInformed']);
    expect(loaded?.recorded.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('knows no case the store does not hold', async () => {
    expect(await new CaseStreamRepository(store).load('unknown')).toBeUndefined();
  });
});
