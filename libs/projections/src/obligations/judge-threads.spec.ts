import { Worker } from 'node:worker_threads';
import type { CaseEvent } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { DEMO_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { ProjectionKeys } from '../runner/projection-keys';
import { ProjectionRunner } from '../runner/projection-runner';
import { appendEvents } from '../testing/case-events';
import { readModelSnapshot } from '../testing/read-model-snapshot';
import { RedisTestSpace } from '../testing/redis-test-space';
import { TestClock } from '../testing/test-clock';
import { JudgeThreadLostError } from './judge-threads';
import { ObligationsProjection } from './obligations.projection';

describe("the Victims' Code projection judged by threads", () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  let store: SqliteEventStore;
  const closing: Array<{ close(): Promise<void> } | { stop(): Promise<void> }> = [];

  /** Generated cases' events in the order they were recorded, so that a case's events fall in several batches among other cases'. */
  const generatedEvents = (): CaseEvent[] =>
    [...generateCases(DEMO_PROFILE, { seed: 5, cases: 40, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: () => ({ keyId: 'k', ciphertext: '' }) as never })]
      .flatMap(({ events }) => events)
      .sort((a, b) => a.metadata.recordedAt.localeCompare(b.metadata.recordedAt));

  const caughtUp = async (version: number, projection: ObligationsProjection, clock: TestClock, onError?: (error: unknown) => void) => {
    const keys = new ProjectionKeys(space.prefix, 'obligations', version);
    const runner = new ProjectionRunner({ store, redis: space.connection(), projection, keys, clock, batchSize: 25, retryDelayMs: 10, onError });
    closing.push(projection, runner);
    runner.start();
    return { keys, runner };
  };

  beforeEach(() => {
    store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  });
  afterEach(async () => {
    for (const held of closing.splice(0).reverse()) await ('stop' in held ? held.stop() : held.close());
    await store.close();
  });
  afterAll(() => space.dispose());

  it('given generated cases in the store, when one version is judged in the projection\'s thread and another by two judge threads, then both read models are the same key by key', async () => {
    const events = generatedEvents();
    await appendEvents(store, events);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    // Judged halfway through what was recorded: later events are left out of a case's reading, and its state folded again.
    const clock = new TestClock(events[Math.floor(events.length / 2)].metadata.recordedAt);
    // Histories of 40 events at most: the judges must ask the store for the start of most cases.
    const inThread = await caughtUp(1, new ObligationsProjection({ store, historyEvents: 40 }), clock);
    const threaded = await caughtUp(2, new ObligationsProjection({ store, historyEvents: 40, judges: 2 }), clock);
    await Promise.all([inThread.runner.reached(last.position), threaded.runner.reached(last.position)]);

    const judgedInThread = await readModelSnapshot(redis, inThread.keys);
    expect(Object.keys(judgedInThread).filter((key) => key.startsWith('case:'))).toHaveLength(new Set(events.map((event) => event.data.caseId)).size);
    expect(await readModelSnapshot(redis, threaded.keys)).toEqual(judgedInThread);
  });

  it('given a judge thread that ends, when the runner applies the next batch, then it stops with the loss reported and commits nothing', async () => {
    await appendEvents(store, generatedEvents().slice(0, 100));
    const ended = jest.spyOn(Worker.prototype, 'postMessage').mockImplementationOnce(function (this: Worker) {
      void this.terminate();
    });
    const errors: unknown[] = [];
    try {
      const { keys, runner } = await caughtUp(3, new ObligationsProjection({ store, judges: 2 }), new TestClock(DEMO_PROFILE.now), (error) => errors.push(error));
      await runner.whenStopped();

      expect(errors).toEqual([expect.any(JudgeThreadLostError)]);
      expect(String(errors[0])).toMatch(/judge thread \d exited/);
      expect(await redis.get(keys.checkpoint)).toBeNull();
    } finally {
      ended.mockRestore();
    }
  });
});
