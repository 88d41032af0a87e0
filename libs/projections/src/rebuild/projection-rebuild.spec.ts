import { SqliteEventStore } from '@case-journey/event-store';
import { ObligationsProjection } from '../obligations/obligations.projection';
import type { Projection } from '../runner/projection';
import type { ProjectionKeys } from '../runner/projection-keys';
import { ProjectionRunner } from '../runner/projection-runner';
import { ProjectionVersions } from '../runner/projection-versions';
import { aCaseEvent, appendEvents } from '../testing/case-events';
import { readModelSnapshot } from '../testing/read-model-snapshot';
import { RedisTestSpace } from '../testing/redis-test-space';
import { storeSyntheticCases } from '../testing/synthetic-cases';
import { TimelineProjection } from '../timeline/timeline.projection';
import type { CaseTimeline } from '../timeline/case-timeline';
import { TimelineReader } from '../timeline/timeline.reader';
import { rebuildProjection, type RebuildPhase } from './projection-rebuild';

const clock = { now: () => new Date('2025-07-01T12:00:00.000Z') };

describe('rebuilding a projection into a new version', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const versions = new ProjectionVersions(redis, space.prefix);
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  const runners: ProjectionRunner[] = [];

  const runnerFor = (projection: Projection) => (keys: ProjectionKeys) => {
    const runner = new ProjectionRunner({ store, redis: space.connection(), projection, keys, clock, batchSize: 50 });
    runners.push(runner);
    return runner;
  };
  const liveRunner = async (projection: Projection) => {
    const runner = runnerFor(projection)(await versions.current(projection.name));
    runner.start();
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await runner.reached(last.position);
    return runner;
  };

  beforeAll(() => storeSyntheticCases(store, 40));
  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await store.close();
    await space.dispose();
  });

  it.each([
    ['timeline', new TimelineProjection()],
    ['obligations', new ObligationsProjection({ store })],
  ])('builds the %s read model identical to the live version, switches readers to it and drops the old one', async (_name, projection) => {
    let live = await liveRunner(projection);
    const phases: RebuildPhase[] = [];
    let atSwitch: { live: object; rebuilt: object } | undefined;

    const result = await rebuildProjection({
      projection,
      store,
      versions,
      redis: space.connection(),
      clock,
      runnerFor: runnerFor(projection),
      handOver: async (runner) => {
        await live.stop();
        live = runner;
      },
      onProgress: async ({ phase, toVersion }) => {
        phases.push(phase);
        if (phase !== 'switching') return;
        atSwitch = {
          live: await readModelSnapshot(redis, await versions.current(projection.name)),
          rebuilt: await readModelSnapshot(redis, (await versions.current(projection.name)).at(toVersion)),
        };
      },
    });

    expect(result).toMatchObject({ projection: projection.name, fromVersion: 1, toVersion: 2 });
    expect(result.keysDropped).toBeGreaterThan(40);
    expect(phases).toEqual(expect.arrayContaining(['catching-up', 'catching-up-with-time', 'switching', 'dropping-old-version', 'done']));
    expect(Object.keys(atSwitch!.live).length).toBeGreaterThanOrEqual(40);
    expect(atSwitch!.rebuilt).toEqual(atSwitch!.live);
    expect((await versions.reading(projection.name)).version).toBe(2);
    expect(await space.keys(`:${projection.name}:v1:*`)).toEqual([]);
  });

  it('keeps the rebuilt version live after the switch', async () => {
    const [someEvent] = await store.readAll({ maxCount: 1 });
    const caseId = someEvent.streamId.slice('case-'.length);
    await appendEvents(store, [aCaseEvent(caseId, 'SuspectEventRecorded', '2025-06-30T10:00:00.000Z', 'Police', { suspectId: 's', kind: 'arrested' })]);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await Promise.all(runners.filter((runner) => runner.keys.version === 2).map((runner) => runner.reached(last.position)));
    const timeline = JSON.parse((await new TimelineReader(redis, versions).timelineTextOf(caseId, clock.now()))!.text) as CaseTimeline;
    expect(timeline?.entries.map((entry) => entry.type)).toContain('SuspectEventRecorded');
  });
});
