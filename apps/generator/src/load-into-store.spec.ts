import { caseStreamId } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { DEMO_PROFILE, generateCases, type GeneratedCase } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { loadIntoStore } from './load-into-store';
import { seededSealer } from './seeded-sealer';

describe('loading generated cases through the event store port', () => {
  const generated: GeneratedCase[] = [
    ...generateCases(DEMO_PROFILE, { seed: 9, cases: 400, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: seededSealer(9) }),
  ];
  const unique = (events: GeneratedCase['events']) => [...new Map(events.map((event) => [event.metadata.eventId, event])).values()];

  it('stores each case in its own stream, each event once and in recording order, absorbing the re-deliveries', async () => {
    const store = SqliteEventStore.inMemory();
    try {
      const tally = await loadIntoStore(store, generated);
      const delivered = generated.reduce((n, c) => n + c.events.length, 0);
      expect(tally.redeliveries).toBeGreaterThan(0);
      expect(tally.events + tally.redeliveries).toBe(delivered);
      expect(await store.readAll()).toHaveLength(tally.events);

      const sample = generated.find((c) => c.events.length > 20) as GeneratedCase;
      const stream = await store.readStream(caseStreamId(sample.caseId));
      expect(stream.map((recorded) => recorded.id)).toEqual(unique(sample.events).map((event) => event.metadata.eventId));
      expect(stream[0]).toMatchObject({ type: 'CrimeReported', data: sample.events[0].data, metadata: sample.events[0].metadata });
    } finally {
      await store.close();
    }
  });

  it('can be run again over the same cases without adding anything', async () => {
    const store = SqliteEventStore.inMemory();
    try {
      const first = await loadIntoStore(store, generated.slice(0, 50));
      await loadIntoStore(store, generated.slice(0, 50));
      expect(await store.readAll()).toHaveLength(first.events);
    } finally {
      await store.close();
    }
  });
});
