import { SqliteEventStore } from '@case-journey/event-store';
import { snapshotInstant, SHARED_MEASURES } from '@case-journey/reporting';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { ProjectionKeys } from '../runner/projection-keys';
import { ProjectionRunner } from '../runner/projection-runner';
import { ProjectionVersions } from '../runner/projection-versions';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../testing/case-events';
import { RedisTestSpace, waitFor } from '../testing/redis-test-space';
import { TestClock } from '../testing/test-clock';
import { asOfCounters } from './as-of-counters';
import { ReportSnapshotStore } from './report-snapshots';
import { REPORTING, ReportingProjection } from './reporting.projection';
import { ReportingReader } from './reporting.reader';

const calendar = new WorkingDayCalendar();
// Monday 3 March 2025: R4.referral is due by the end of Wednesday 5 March.
const MONDAY = '2025-03-03T10:00:00.000Z';
const referral = (caseId: string, at: string, recordedAt = at) => aCaseEvent(caseId, 'VictimReferredToSupport', at, 'Police', { victimId: 'v1', service: 'Beacon' }, { recordedAt });

describe('the reporting projection, frozen month-end snapshots and late records', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const versions = new ProjectionVersions(redis, space.prefix);
  const snapshots = new ReportSnapshotStore(redis, space.prefix);
  const reader = new ReportingReader(redis, versions, snapshots, SHARED_MEASURES, 0);
  const clock = new TestClock('2025-04-10T12:00:00.000Z');
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  let runner: ProjectionRunner;

  const caughtUp = async () => {
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await runner.reached(last.position);
  };
  const referrals = (report: { rows: Array<{ group: Record<string, string>; cells: Record<string, { numerator: number | null; denominator: number | null }> }> }) => {
    const cells = report.rows.find((row) => row.group.entitlement === 'R4.referral')!.cells;
    return { metOnTime: cells['met-on-time'].numerator, breached: cells.breached.numerator, due: cells['met-on-time'].denominator };
  };
  const request = { measure: 'code-compliance', groupBy: ['entitlement'], months: ['2025-03'] };

  beforeAll(async () => {
    await appendEvents(store, [
      aCrimeReport('x', MONDAY, [aVictim('v1')]),
      referral('x', '2025-03-04T09:00:00.000Z'),
      aCrimeReport('y', MONDAY, [aVictim('v1')]),
      aCrimeReport('other-area', MONDAY, [aVictim('v1')], 'Anglia'),
    ]);
    runner = new ProjectionRunner({ store, redis: space.connection(), projection: new ReportingProjection({ store, calendar, snapshotWorkingDays: 5 }), keys: new ProjectionKeys(space.prefix, REPORTING, 1), clock, batchSize: 100 });
    runner.start();
    await caughtUp();
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await space.dispose();
  });

  it('gives live figures from the read model, judged now, within the areas asked', async () => {
    // Wessex: x met on time, y breached (nothing by 5 March): 1 of 2. Anglia's case is left out.
    expect(referrals(await reader.live({ ...request, areas: ['Wessex'] }, clock.now()))).toEqual({ metOnTime: 1, breached: 1, due: 2 });
    expect(referrals(await reader.live(request, clock.now()))).toEqual({ metOnTime: 1, breached: 2, due: 3 });
  });

  it('keeps a frozen snapshot unchanged when a late record changes the live figures, and lists that record', async () => {
    const frozenAt = snapshotInstant('2025-03', 5, calendar); // the end of Monday 7 April
    const counters = await asOfCounters(frozenAt, { store, calendar, months: new Set(['2025-03']) });
    expect(await snapshots.freeze({ month: '2025-03', asOf: frozenAt.toISOString(), frozenAt: clock.now().toISOString(), definitionsVersion: SHARED_MEASURES.version }, counters)).toBe(true);

    // y's referral made on 4 March (on time) but stored on 9 April, after March was frozen.
    const late = referral('y', '2025-03-04T15:00:00.000Z', '2025-04-09T08:00:00.000Z');
    const reads = jest.spyOn(store, 'readStream');
    await appendEvents(store, [late]);
    await caughtUp();
    // y's crime report was kept from the first batch: the case is not read from the store again.
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();

    const live = await reader.live({ ...request, areas: ['Wessex'] }, clock.now());
    const frozen = (await reader.frozen({ ...request, areas: ['Wessex'] }, '2025-03'))!;
    expect(referrals(live)).toEqual({ metOnTime: 2, breached: 0, due: 2 });
    expect(referrals(frozen)).toEqual({ metOnTime: 1, breached: 1, due: 2 });
    expect(frozen.basis).toEqual({ kind: 'frozen', asOf: '2025-04-07T22:59:59.999Z', snapshotMonth: '2025-03' });

    const comparison = live.snapshotComparison!;
    expect(comparison.differs).toBe(true);
    expect(comparison.changes.filter((change) => change.group.entitlement === 'R4.referral').map((change) => [change.column, change.frozen.numerator, change.live.numerator])).toEqual([
      ['met-on-time', 1, 2],
      ['breached', 1, 0],
    ]);
    expect(comparison.lateRecords).toEqual([
      { eventId: late.metadata.eventId, caseId: 'y', type: 'VictimReferredToSupport', agency: 'Police', occurredAt: '2025-03-04T15:00:00.000Z', recordedAt: '2025-04-09T08:00:00.000Z', month: '2025-03', frozenAt: '2025-04-07T22:59:59.999Z' },
    ]);
  });

  it('freezes a month once: a second snapshot is refused and the first stands', async () => {
    expect(await snapshots.freeze({ month: '2025-03', asOf: clock.now().toISOString(), frozenAt: clock.now().toISOString(), definitionsVersion: 'x' }, new Map())).toBe(false);
    expect((await snapshots.info('2025-03'))!.asOf).toBe('2025-04-07T22:59:59.999Z');
  });

  it('does not list a record stored before the month was frozen as late', async () => {
    expect((await reader.lateRecords('2025-03', ['Anglia']))).toEqual([]);
  });

  it('reads no counter hash again while none moved, and only the one that moved when a record arrives', async () => {
    const keeping = new ReportingReader(redis, versions, snapshots, SHARED_MEASURES);
    const read: string[] = [];
    const pipeline = redis.pipeline.bind(redis);
    const spy = jest.spyOn(redis, 'pipeline').mockImplementation((...commands) => {
      const opened = pipeline(...commands);
      const hgetall = opened.hgetall.bind(opened);
      // The projection's counter hashes (a frozen month's snapshot is read too, from its own keys).
      opened.hgetall = ((key: string) => (key.includes(`:${REPORTING}:`) && read.push(key), hgetall(key))) as typeof opened.hgetall;
      return opened;
    });
    try {
      const first = await keeping.live(request, clock.now());
      expect(read.map((key) => key.slice(key.lastIndexOf(':', key.lastIndexOf(':') - 1) + 1)).sort()).toEqual(['Anglia:2025-03', 'Wessex:2025-03']);
      read.length = 0;
      expect(referrals(await keeping.live(request, clock.now()))).toEqual(referrals(first));
      expect(read).toEqual([]);

      // Anglia's case referred on 4 March: only Anglia's March hash moves, and only it is read again.
      await appendEvents(store, [referral('other-area', '2025-03-04T11:00:00.000Z')]);
      await caughtUp();
      expect(referrals(await keeping.live(request, clock.now()))).toEqual({ metOnTime: 3, breached: 0, due: 3 });
      expect(read.map((key) => key.slice(key.lastIndexOf(':', key.lastIndexOf(':') - 1) + 1))).toEqual(['Anglia:2025-03']);
    } finally {
      spy.mockRestore();
    }
  });
});
