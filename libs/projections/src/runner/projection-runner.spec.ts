import type { CaseEvent } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../testing/case-events';
import { RedisTestSpace, waitFor } from '../testing/redis-test-space';
import { TimelineProjection, timelineKey } from '../timeline/timeline.projection';
import type { RecordedEvent } from '@case-journey/event-store';
import type { BatchContext, Projection } from './projection';
import { ProjectionKeys } from './projection-keys';
import { PartialCommitError, ProjectionRunner, VersionRetiredError, type ProjectionRunnerOptions } from './projection-runner';
import { currentVersionKey } from './projection-keys';

const clock = { now: () => new Date('2025-04-01T12:00:00.000Z') };

describe('ProjectionRunner against Redis', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  let store: SqliteEventStore;
  let keys: ProjectionKeys;
  const runners: ProjectionRunner[] = [];

  const runner = (overrides: Partial<ProjectionRunnerOptions> = {}) => {
    const created = new ProjectionRunner({ store, redis: space.connection(), projection: new TimelineProjection(), keys, clock, retryDelayMs: 10, ...overrides });
    runners.push(created);
    return created;
  };
  const journey = (caseId: string, days: number): CaseEvent[] => [
    aCrimeReport(caseId, '2025-03-01T10:00:00.000Z', [aVictim(`${caseId}-v`)]),
    ...Array.from({ length: days }, (_, day) =>
      aCaseEvent(caseId, 'SuspectEventRecorded', `2025-03-${String(day + 2).padStart(2, '0')}T10:00:00.000Z`, 'Police', { suspectId: 's', kind: 'interviewed-under-caution' }),
    ),
  ];
  const recordIds = async (caseId: string) => (await redis.lrange(timelineKey(keys, caseId), 0, -1)).map((record) => JSON.parse(record).metadata.eventId as string);

  beforeEach(() => {
    store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    keys = new ProjectionKeys(space.prefix, 'timeline', 1 + Math.floor(Math.random() * 1e6));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((running) => running.stop()));
    await store.close();
  });
  afterAll(() => space.dispose());

  it('applies what is stored, then what is recorded live, within a second, and stores the checkpoint with it', async () => {
    const [report, ...rest] = journey('a', 3);
    await appendEvents(store, [report]);
    const following = runner();
    following.start();
    await waitFor(async () => (await recordIds('a')).length === 1, 1000, 'the stored event');

    await appendEvents(store, rest);
    await waitFor(async () => (await recordIds('a')).length === 4, 1000, 'the live events');
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    expect(await redis.get(keys.checkpoint)).toBe(last.position.toString());
    expect(await redis.hget(keys.progress, 'events')).toBe('4');
  });

  it('resumes after a restart from its checkpoint: every event applied exactly once', async () => {
    const events = journey('b', 12);
    await appendEvents(store, events.slice(0, 5));
    const first = runner({ batchSize: 2 });
    first.start();
    await waitFor(async () => (await recordIds('b')).length === 5);
    await first.stop();

    await appendEvents(store, events.slice(5));
    const second = runner({ batchSize: 2 });
    second.start();
    await waitFor(async () => (await recordIds('b')).length >= 13);
    expect(await recordIds('b')).toEqual(events.map((event) => event.metadata.eventId));
  });

  it('given a projection with a batch size of its own and none given to the runner, catches up in batches of that size; one given to the runner wins', async () => {
    const timeline = new TimelineProjection();
    const sizes: number[] = [];
    const ownSize: Projection = {
      name: 'timeline',
      batchSize: 4,
      apply: async (batch, context) => {
        sizes.push(batch.length);
        await timeline.apply(batch, context);
      },
    };
    await appendEvents(store, journey('s', 9)); // 10 events, all stored before the runner starts
    const own = runner({ projection: ownSize });
    own.start();
    await waitFor(async () => (await recordIds('s')).length === 10);
    await own.stop();
    expect(sizes).toEqual([4, 4, 2]);

    sizes.length = 0;
    keys = keys.at(keys.version + 1);
    const given = runner({ projection: ownSize, batchSize: 3 });
    given.start();
    await waitFor(async () => (await recordIds('s')).length === 10);
    expect(sizes).toEqual([3, 3, 3, 1]);
  });

  it('given a batch that fails part-way, commits none of it and applies it again', async () => {
    const timeline = new TimelineProjection();
    let failures = 1;
    const flaky: Projection = {
      name: 'timeline',
      apply: async (batch, context) => {
        await timeline.apply(batch, context);
        if (failures-- > 0) throw new Error('Redis went away');
      },
    };
    const errors: unknown[] = [];
    await appendEvents(store, journey('c', 4));
    runner({ projection: flaky, onError: (error) => errors.push(error) }).start();
    await waitFor(async () => (await recordIds('c')).length === 5);
    expect(errors).toHaveLength(1);
    expect(await recordIds('c')).toHaveLength(5);
  });

  it('given a batch whose EXEC fails in part (Redis keeps the rest, checkpoint included), stops and says so rather than follow on past it', async () => {
    const timeline = new TimelineProjection();
    let batches = 0;
    const wrongType: Projection = {
      name: 'timeline',
      apply: async (batch, context) => {
        await timeline.apply(batch, context);
        if (batches++ === 0) context.transaction.set(context.keys.key('text'), 'text').hincrby(context.keys.key('text'), 'count', 1);
      },
    };
    const errors: unknown[] = [];
    await appendEvents(store, journey('f', 3));
    const failing = runner({ projection: wrongType, batchSize: 1, onError: (error) => errors.push(error) });
    failing.start();

    await failing.whenStopped();
    expect(errors).toEqual([expect.any(PartialCommitError)]);
    expect((errors[0] as PartialCommitError).failures[0].message).toMatch(/WRONGTYPE/);
    expect(batches).toBe(1);
    expect(await redis.get(keys.checkpoint)).toBe((await store.readAll({ maxCount: 1 }))[0].position.toString());
  });

  describe('with a projection that prepares its batches', () => {
    /** A projection counting each event once, that logs when it prepares, applies and has committed each batch, and at what instant. */
    const logging = (log: string[], onApply: (batch: number, context: BatchContext) => Promise<void> = async () => undefined): Projection<string> => {
      const numberOf = (batch: readonly RecordedEvent[]) => Number(batch[0].revision) + 1;
      return {
        name: 'counting',
        prepare: async (batch, now) => {
          log.push(`prepare ${numberOf(batch)} at ${now.getTime()}`);
          return `prepared ${numberOf(batch)} at ${now.getTime()}`;
        },
        apply: async (batch, context, prepared) => {
          log.push(`apply ${numberOf(batch)} at ${context.now.getTime()} with ${prepared}`);
          await onApply(numberOf(batch), context);
          context.transaction.incrby(context.keys.key('events'), batch.length);
          return async () => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            log.push(`committed ${numberOf(batch)}`);
          };
        },
      };
    };
    /** Follows the log in batches of one event, on a clock a millisecond later at each look, until every event stored is committed. */
    const followAll = async (projection: Projection<string>) => {
      let ms = 0;
      const following = runner({ projection, batchSize: 1, clock: { now: () => new Date(++ms) } });
      following.start();
      await following.reached((await store.readAll({ direction: 'backwards', maxCount: 1 }))[0].position);
    };

    it('prepares the next batch while the one before is committed, and applies it, with what was prepared at its instant, only once that one is', async () => {
      await appendEvents(store, journey('p', 2)); // one stream: batch n is revision n - 1
      const log: string[] = [];
      await followAll(logging(log));

      expect(log).toEqual([
        'prepare 1 at 1',
        'apply 1 at 1 with prepared 1 at 1',
        'prepare 2 at 2',
        'committed 1',
        'apply 2 at 2 with prepared 2 at 2',
        'prepare 3 at 3',
        'committed 2',
        'apply 3 at 3 with prepared 3 at 3',
        'committed 3',
      ]);
      expect(await redis.get(keys.key('events'))).toBe('3');
    });

    it('given a key it watched changed before its batch was committed, prepares and applies that batch again at a new instant before the next', async () => {
      await appendEvents(store, journey('q', 1));
      const log: string[] = [];
      const other = space.connection();
      let spoil = true;
      const spoiling = logging(log, async (batch, { keys: batchKeys, watch }) => {
        await watch(batchKeys.key('watched'));
        if (batch === 1 && spoil) await other.set(batchKeys.key('watched'), 'changed'); // someone else's write between the WATCH and the EXEC
        spoil = false;
      });
      await followAll(spoiling);

      expect(log).toEqual([
        'prepare 1 at 1',
        'apply 1 at 1 with prepared 1 at 1',
        'prepare 2 at 2',
        'prepare 1 at 3',
        'apply 1 at 3 with prepared 1 at 3',
        'committed 1',
        'apply 2 at 2 with prepared 2 at 2',
        'committed 2',
      ]);
      expect(await redis.get(keys.key('events'))).toBe('2');
    });

    it('given the last batch\'s EXEC fails in part and no more events come, stops and says so at once', async () => {
      await appendEvents(store, [journey('r', 0)[0]]);
      const errors: unknown[] = [];
      const failing = logging([], async (_batch, context) => void context.transaction.set(context.keys.key('text'), 'text').hincrby(context.keys.key('text'), 'count', 1));
      const following = runner({ projection: failing, onError: (error) => errors.push(error) });
      following.start();

      await following.whenStopped();
      expect(errors).toEqual([expect.any(PartialCommitError)]);
    });
  });

  describe('given its version retired by a rebuild in another worker', () => {
    const retired = async (retire: () => Promise<unknown>) => {
      const [report, ...rest] = journey('g', 2);
      await appendEvents(store, [report]);
      const errors: unknown[] = [];
      const following = runner({ onError: (error) => errors.push(error) });
      following.start();
      await following.reached((await store.readAll({ maxCount: 1 }))[0].position);
      await retire();
      await appendEvents(store, rest);
      await following.whenStopped();
      return errors;
    };

    it('stops, rather than write on, once readers use a later version', async () => {
      await redis.set(currentVersionKey(keys.prefix, keys.projection), String(keys.version));
      const errors = await retired(() => redis.set(currentVersionKey(keys.prefix, keys.projection), String(keys.version + 1)));
      expect(errors).toEqual([expect.any(VersionRetiredError)]);
      expect(await recordIds('g')).toHaveLength(1);
      await redis.del(currentVersionKey(keys.prefix, keys.projection));
    });

    it('stops, rather than replay the log into dropped keys, once its checkpoint is gone', async () => {
      const errors = await retired(async () => redis.unlink(...(await space.keys(`:timeline:v${keys.version}:*`))));
      expect(errors).toEqual([expect.any(VersionRetiredError)]);
      expect(await space.keys(`:timeline:v${keys.version}:*`)).toEqual([]);
    });
  });

  it('given two runners on the same version, each batch is committed once', async () => {
    const events = [...journey('d', 20), ...journey('e', 20)];
    await appendEvents(store, events);
    runner({ batchSize: 3 }).start();
    runner({ batchSize: 3 }).start();
    await waitFor(async () => (await recordIds('d')).length + (await recordIds('e')).length >= 42);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...(await recordIds('d')), ...(await recordIds('e'))]).toEqual(events.map((event) => event.metadata.eventId));
  });
});
