import { SqliteEventStore } from '@case-journey/event-store';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../testing/case-events';
import { CaseHistories } from './case-histories';
import { caseEventsBefore } from './case-streams';

const contact = (caseId: string, at: string) => aCaseEvent(caseId, 'VictimInformed', at, 'Police', { victimId: 'v-1', topic: 'other', channel: 'phone' });

describe("the events a projection keeps of the cases it touched lately", () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = SqliteEventStore.inMemory()));
  afterEach(() => store.close());

  it('reads from the store only the events after those kept', async () => {
    const stream = [aCrimeReport('c', '2025-03-03T10:00:00.000Z', [aVictim('v-1')]), contact('c', '2025-03-04T10:00:00.000Z'), contact('c', '2025-03-05T10:00:00.000Z'), contact('c', '2025-03-06T10:00:00.000Z')];
    await appendEvents(store, stream);
    const histories = new CaseHistories();
    histories.keep('c', (await caseEventsBefore(store, 'c', 2n)));
    const reads = jest.spyOn(store, 'readStream');

    const before3 = await caseEventsBefore(store, 'c', 3n, histories);
    expect(before3.map((event) => event.metadata.eventId)).toEqual(stream.slice(0, 3).map((event) => event.metadata.eventId));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0][1]).toEqual({ fromRevision: 2n, maxCount: 1 });

    // A batch read again (its transaction lost a race) starts before what is kept: nothing is read.
    reads.mockClear();
    histories.keep('c', before3);
    expect((await caseEventsBefore(store, 'c', 1n, histories)).map((event) => event.type)).toEqual(['CrimeReported']);
    expect(reads).not.toHaveBeenCalled();
  });

  it('forgets the least recently touched cases past its size, in events', () => {
    const histories = new CaseHistories(5);
    const events = (caseId: string, count: number) => Array.from({ length: count }, (_, i) => contact(caseId, `2025-03-0${i + 1}T10:00:00.000Z`));
    histories.keep('a', events('a', 2));
    histories.keep('b', events('b', 2));
    histories.keep('a', events('a', 4)); // a touched again, 6 events in all: b, now the oldest, goes
    expect(histories.size).toEqual({ cases: 1, events: 4 });
    expect(histories.kept('b')).toEqual([]);
    expect(histories.kept('a')).toHaveLength(4);
    histories.keep('huge', events('huge', 6)); // larger than it may hold: not kept at all
    expect(histories.kept('huge')).toEqual([]);
    expect(histories.size).toEqual({ cases: 1, events: 4 });
  });

  it('forgets a case only read since before a case kept since', () => {
    const histories = new CaseHistories(5);
    const events = (caseId: string, count: number) => Array.from({ length: count }, (_, i) => contact(caseId, `2025-03-0${i + 1}T10:00:00.000Z`));
    histories.keep('a', events('a', 2));
    histories.keep('b', events('b', 2));
    expect(histories.kept('a')).toHaveLength(2); // reading does not make a more recent

    histories.keep('c', events('c', 2)); // 6 events: a, the least recently kept, goes

    expect(histories.kept('a')).toEqual([]);
    expect(histories.size).toEqual({ cases: 2, events: 4 });
  });

  it('given no case histories kept at all (a bound of 0), keeps none', () => {
    const histories = new CaseHistories(0);
    histories.keep('a', [contact('a', '2025-03-01T10:00:00.000Z')]);
    expect(histories.kept('a')).toEqual([]);
    expect(histories.size).toEqual({ cases: 0, events: 0 });
  });

  it('keeps the most of a case that any projection sharing it has read', () => {
    const histories = new CaseHistories();
    const events = Array.from({ length: 3 }, (_, i) => contact('c', `2025-03-0${i + 1}T10:00:00.000Z`));
    histories.keep('c', events); // the projection ahead has read three
    histories.keep('c', events.slice(0, 1)); // one behind it, one
    expect(histories.kept('c')).toHaveLength(3);
    expect(histories.size).toEqual({ cases: 1, events: 3 });
  });
});
