import type { CaseEvent } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { ProjectionKeys } from '../runner/projection-keys';
import { ProjectionRunner } from '../runner/projection-runner';
import { ProjectionVersions } from '../runner/projection-versions';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../testing/case-events';
import { readModelSnapshot } from '../testing/read-model-snapshot';
import { RedisTestSpace, waitFor } from '../testing/redis-test-space';
import { TestClock } from '../testing/test-clock';
import { caseObligationsKey } from './case-changes';
import type { DeadlineChanges } from './deadlines';
import { ObligationsProjection } from './obligations.projection';
import { ObligationsReader } from './obligations.reader';

describe('the Victims\' Code projection against Redis', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const versions = new ProjectionVersions(redis, space.prefix);
  const reader = new ObligationsReader(redis, versions, { countsFreshForMs: 0 });
  const clock = new TestClock('2025-03-03T12:00:00.000Z');
  let store: SqliteEventStore;
  const runners: ProjectionRunner[] = [];

  const run = async (version: number, batchSize = 500) => {
    const runner = new ProjectionRunner({ store, redis: space.connection(), projection: new ObligationsProjection({ store }), keys: new ProjectionKeys(space.prefix, 'obligations', version), clock, batchSize });
    runners.push(runner);
    runner.start();
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    if (last) await runner.reached(last.position);
    return runner;
  };
  const referralOf = async (agency: 'Police' | 'WCU' = 'Police') => (await reader.worklist({ agency, offset: 0, limit: 50 })).items;
  const figures = async () => (await reader.compliance({ groupBy: ['entitlement'] })).rows.find((row) => row.group.entitlement === 'R4.referral');

  beforeEach(async () => {
    store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    await redis.del(`${space.prefix}:obligations:current`);
    for (const key of await space.keys(':obligations:*')) await redis.unlink(key);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await store.close();
  });
  afterAll(() => space.dispose());

  it('lists a recorded handoff on the worklists within a second', async () => {
    clock.set('2025-03-10T10:30:00.000Z');
    await run(1);
    await appendEvents(store, [aCrimeReport('live', '2025-03-10T10:00:00.000Z', [aVictim('v-1')])]);
    await waitFor(async () => (await referralOf()).some((item) => item.caseId === 'live' && item.ruleId === 'R4.referral'), 1000, 'the referral on the police worklist');

    await appendEvents(store, [aCaseEvent('live', 'HearingListed', '2025-03-10T10:20:00.000Z', 'HMCTS', { hearingId: 'h', hearingType: 'first', court: 'Court', courtTier: 'magistrates', scheduledFor: '2025-04-01T09:30:00.000Z' })]);
    await waitFor(async () => (await referralOf('WCU')).some((item) => item.ruleId === 'R8.hearing-date'), 1000, 'the hearing date on the witness care worklist');
    expect((await reader.victimJourney('live', 'v-1'))?.obligations.map((obligation) => obligation.ruleId)).toContain('R8.hearing-date');
  });

  it("reads only the caller's areas when a query is restricted to them: worklist and compliance counters", async () => {
    clock.set('2025-03-10T10:30:00.000Z');
    await appendEvents(store, [
      aCrimeReport('in-wessex', '2025-03-10T10:00:00.000Z', [aVictim('v-1')], 'Wessex'),
      aCrimeReport('in-anglia', '2025-03-10T10:00:00.000Z', [aVictim('v-2')], 'Anglia'),
      aCrimeReport('in-pennine', '2025-03-10T10:00:00.000Z', [aVictim('v-3')], 'Pennine'),
    ]);
    await run(1);
    const casesOn = async (areas?: readonly string[]) =>
      [...new Set((await reader.worklist({ agency: 'Police', areas, offset: 0, limit: 50 })).items.map((item) => item.caseId))].sort();
    expect(await casesOn()).toEqual(['in-anglia', 'in-pennine', 'in-wessex']);
    expect(await casesOn(['Wessex', 'Anglia'])).toEqual(['in-anglia', 'in-wessex']);
    expect(await casesOn([])).toEqual([]);
    const referralsDue = async (areas?: readonly string[]) =>
      (await reader.compliance({ groupBy: ['entitlement'], areas })).rows.find((row) => row.group.entitlement === 'R4.referral')?.open ?? 0;
    expect(await referralsDue()).toBe(3);
    expect(await referralsDue(['Pennine'])).toBe(1);
  });

  it('adds figures up once however many ask at once, gives the previous figures while one request refreshes them, and adds nothing up again while no counter changed', async () => {
    clock.set('2025-03-10T10:30:00.000Z');
    await appendEvents(store, [aCrimeReport('first', '2025-03-10T10:00:00.000Z', [aVictim('v-1')])]);
    const runner = await run(1);
    const counting = new ObligationsReader(redis, versions, { countsFreshForMs: 0 });
    const referralsOpen = (figures: Awaited<ReturnType<ObligationsReader['compliance']>>) => figures.rows.find((row) => row.group.entitlement === 'R4.referral')?.open;
    const hashesRead = jest.spyOn(redis, 'smembers');
    try {
      const together = await Promise.all(Array.from({ length: 5 }, () => counting.compliance({ groupBy: ['entitlement'] })));
      expect(together.map(referralsOpen)).toEqual([1, 1, 1, 1, 1]);
      expect(hashesRead).toHaveBeenCalledTimes(1);

      await appendEvents(store, [aCrimeReport('second', '2025-03-10T10:00:00.000Z', [aVictim('v-2')])]);
      const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
      await runner.reached(last.position);
      // The first to ask refreshes and waits for the new figures; the one asking meanwhile gets the previous ones.
      const [refreshed, meanwhile] = await Promise.all([counting.compliance({ groupBy: ['entitlement'] }), counting.compliance({ groupBy: ['entitlement'] })]);
      expect([referralsOpen(refreshed), referralsOpen(meanwhile)]).toEqual([2, 1]);

      hashesRead.mockClear();
      expect(referralsOpen(await counting.compliance({ groupBy: ['entitlement'] }))).toBe(2);
      expect(hashesRead).not.toHaveBeenCalled();
    } finally {
      hashesRead.mockRestore();
    }
  });

  it('schedules a batch\'s deadline jobs again once the batch is committed, so a job that fired early finds the reading it needs', async () => {
    clock.set('2025-03-03T12:00:00.000Z');
    const keys = new ProjectionKeys(space.prefix, 'obligations', 1);
    const scheduled: Array<{ call: string; committed: boolean; jobs: string[] }> = [];
    const schedule = (call: string) => async (changes: DeadlineChanges) =>
      void scheduled.push({ call, committed: (await redis.get(caseObligationsKey(keys, 'early'))) !== null, jobs: changes.schedule.map((deadline) => deadline.kind) });
    const deadlines = { apply: schedule('apply'), applyAgain: schedule('applyAgain') };
    const runner = new ProjectionRunner({ store, redis: space.connection(), projection: new ObligationsProjection({ store, deadlines }), keys, clock });
    runners.push(runner);
    runner.start();
    await appendEvents(store, [aCrimeReport('early', '2025-03-03T10:00:00.000Z', [aVictim('v-1')])]);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await runner.reached(last.position);

    expect(scheduled).toEqual([
      { call: 'apply', committed: false, jobs: ['breach', 'due-soon'] },
      { call: 'applyAgain', committed: true, jobs: ['breach', 'due-soon'] },
    ]);
  });

  it('given a contact recorded late that happened in time, turns the breach into met, and the counters and worklist follow', async () => {
    clock.set('2025-03-10T12:00:00.000Z');
    await appendEvents(store, [aCrimeReport('late', '2025-03-03T10:00:00.000Z', [aVictim('v-1')])]);
    await run(1);
    expect(await figures()).toMatchObject({ due: 1, breached: 1, metOnTime: 0 });
    const caching = new ObligationsReader(redis, versions, { countsFreshForMs: 60_000 });
    expect((await caching.compliance({ groupBy: ['entitlement'] })).rows).toEqual((await reader.compliance({ groupBy: ['entitlement'] })).rows);
    expect((await referralOf()).map((item) => [item.ruleId, item.status])).toEqual([['R4.referral', 'breached']]);
    const policeWorklist = { agency: 'Police' as const, offset: 0, limit: 50 };
    expect((await caching.worklist(policeWorklist)).items).toHaveLength(1);

    await appendEvents(store, [aCaseEvent('late', 'VictimReferredToSupport', '2025-03-04T09:00:00.000Z', 'Police', { victimId: 'v-1', service: 'Care' }, { recordedAt: '2025-03-10T11:00:00.000Z' })]);
    await waitFor(async () => (await figures())?.metOnTime === 1, 1000, 'the referral met');
    expect(await figures()).toMatchObject({ due: 1, breached: 0, metOnTime: 1, rate: 1 });
    // a reader keeping counts for a minute still gives what it read, until its counts go stale
    const cached = (await caching.compliance({ groupBy: ['entitlement'] })).rows.find((row) => row.group.entitlement === 'R4.referral');
    expect(cached).toMatchObject({ breached: 1, metOnTime: 0 });
    expect((await caching.worklist(policeWorklist)).items).toHaveLength(1);
    // a reader asking whether the worklist moved each time sees the referral gone
    expect(await referralOf()).toEqual([]);
  });

  it('builds the same read model from scratch as the one built live batch by batch, corrections and retractions included', async () => {
    clock.set('2025-06-30T12:00:00.000Z');
    const live = await run(1, 3);
    const events: CaseEvent[] = [];
    for (const caseId of ['p', 'q', 'r']) {
      const reported = aCrimeReport(caseId, '2025-03-03T10:00:00.000Z', [aVictim(`${caseId}-1`), aVictim(`${caseId}-2`, { ageBand: 'under-18', under18AtOffence: true })]);
      const listed = aCaseEvent(caseId, 'HearingListed', '2025-04-01T10:00:00.000Z', 'HMCTS', { hearingId: 'h', hearingType: 'trial', court: 'Court', courtTier: 'crown', scheduledFor: '2025-07-01T09:30:00.000Z' });
      events.push(
        reported,
        aCaseEvent(caseId, 'ChargeDecisionMade', '2025-03-20T10:00:00.000Z', 'CPS', { decision: 'charge', decidedBy: 'CPS', charges: [] }),
        listed,
        aCaseEvent(caseId, 'VictimInformed', '2025-04-02T10:00:00.000Z', 'WCU', { victimId: `${caseId}-1`, topic: 'hearing-date', channel: 'phone' }),
        aCaseEvent(caseId, 'EventCorrected', '2025-04-03T10:00:00.000Z', 'HMCTS', { correctedEventId: listed.metadata.eventId, occurredAt: '2025-03-28T10:00:00.000Z', reason: 'Listed earlier' }),
        aCaseEvent(caseId, 'VictimReferredToSupport', '2025-03-04T10:00:00.000Z', 'Police', { victimId: `${caseId}-2`, service: 'Care' }),
      );
    }
    events.push(aCaseEvent('q', 'EventRetracted', '2025-04-05T10:00:00.000Z', 'CPS', { retractedEventId: events[7].metadata.eventId, reason: 'Wrong case' }));
    await appendEvents(store, events);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await live.reached(last.position);

    await run(2);
    const liveModel = await readModelSnapshot(redis, new ProjectionKeys(space.prefix, 'obligations', 1));
    expect(Object.keys(liveModel).length).toBeGreaterThan(10);
    expect(await readModelSnapshot(redis, new ProjectionKeys(space.prefix, 'obligations', 2))).toEqual(liveModel);
  });
});
