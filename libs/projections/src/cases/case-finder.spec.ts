import { SqliteEventStore } from '@case-journey/event-store';
import { OBLIGATIONS, ObligationsProjection } from '../obligations/obligations.projection';
import { ProjectionKeys } from '../runner/projection-keys';
import { ProjectionRunner } from '../runner/projection-runner';
import { ProjectionVersions } from '../runner/projection-versions';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../testing/case-events';
import { RedisTestSpace } from '../testing/redis-test-space';
import { TestClock } from '../testing/test-clock';
import { CaseFinderReader, type CaseFinderQuery } from './case-finder.reader';

/** Monday 10 March 2025, 12:00 (GMT). */
const NOW = new Date('2025-03-10T12:00:00.000Z');

describe('the case finder', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const versions = new ProjectionVersions(redis, space.prefix);
  const finder = new CaseFinderReader(redis, versions);
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  let runner: ProjectionRunner;

  beforeAll(async () => {
    // Given: three Wessex cases and one Anglia case, reported on the days of their names.
    await appendEvents(store, [
      aCrimeReport('wx-mon-3', '2025-03-03T10:00:00.000Z', [aVictim('v1')], 'Wessex', { sourceReference: 'NICHE-1' }),
      aCrimeReport('wx-tue-4', '2025-03-04T10:00:00.000Z', [aVictim('v2', { enhancedGrounds: [{ ground: 'persistently-targeted', decidedBy: 'Police', decidedAt: '2025-03-04T10:00:00.000Z' }] }), aVictim('v3')], 'Wessex'),
      aCrimeReport('wx-sun-9', '2025-03-09T10:00:00.000Z', [aVictim('v4')], ' wessex '),
      aCrimeReport('an-wed-5', '2025-03-05T10:00:00.000Z', [aVictim('v5')], 'Anglia'),
      // the Monday case's victim is referred on time; its charge passes it to the court
      aCaseEvent('wx-mon-3', 'VictimReferredToSupport', '2025-03-04T09:00:00.000Z', 'Police', { victimId: 'v1', service: 'Beacon' }),
      aCaseEvent('wx-mon-3', 'ChargeDecisionMade', '2025-03-06T09:00:00.000Z', 'CPS', { decision: 'charge', decidedBy: 'CPS', charges: [{ chargeId: 'c1', offence: { description: 'Robbery', category: 'robbery' } }] }),
    ]);
    runner = new ProjectionRunner({ store, redis: space.connection(), projection: new ObligationsProjection({ store }), keys: new ProjectionKeys(space.prefix, OBLIGATIONS, 1), clock: new TestClock(NOW.toISOString()) });
    runner.start();
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await runner.reached(last.position);
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await space.dispose();
  });

  const ids = async (query: Partial<CaseFinderQuery>) => (await finder.find({ limit: 50, now: NOW, ...query })).items.map((item) => item.caseId);

  it('lists every case newest opened first', async () => {
    expect(await ids({})).toEqual(['wx-sun-9', 'an-wed-5', 'wx-tue-4', 'wx-mon-3']);
  });

  it('matches an area whatever its case and blanks, and keeps within the areas in scope', async () => {
    expect(await ids({ area: 'WESSEX' })).toEqual(['wx-sun-9', 'wx-tue-4', 'wx-mon-3']);
    expect(await ids({ areas: ['Anglia'] })).toEqual(['an-wed-5']);
    expect(await ids({ areas: [] })).toEqual([]);
    expect(await finder.areas()).toEqual([
      { area: 'Anglia', cases: 1 },
      { area: 'Wessex', cases: 3 },
    ]);
    expect(await finder.knownArea('  anglia')).toBe('Anglia');
    expect(await finder.knownArea('wessex-typo')).toBeUndefined();
  });

  it('given an area found once, answers it again without asking Redis; an area not found is asked about every time', async () => {
    // A version reading kept for a minute: the area is kept as long as the reading is.
    const reader = new CaseFinderReader(redis, new ProjectionVersions(redis, space.prefix, 60_000));
    const asked = jest.spyOn(redis, 'hget');
    try {
      expect(await reader.knownArea('Anglia')).toBe('Anglia');
      expect(await reader.knownArea(' ANGLIA')).toBe('Anglia');
      expect(await reader.knownArea('Kent')).toBeUndefined();
      expect(await reader.knownArea('Kent')).toBeUndefined();
      expect(asked).toHaveBeenCalledTimes(3);
    } finally {
      asked.mockRestore();
    }
  });

  it('filters by URN, source reference, stage, waiting-on, offence, enhanced rights, closure and opening dates', async () => {
    expect(await ids({ urn: '99wx0000001', areas: ['Anglia'] })).toEqual(['an-wed-5']);
    expect(await ids({ sourceReference: 'NICHE-1' })).toEqual(['wx-mon-3']);
    expect(await ids({ stages: ['pre-trial'] })).toEqual(['wx-mon-3']);
    expect(await ids({ waitingOn: ['HMCTS'] })).toEqual(['wx-mon-3']);
    // the offence reported: a charge for another offence does not change it
    expect(await ids({ offenceCategories: ['robbery'] })).toEqual([]);
    expect(await ids({ offenceCategories: ['burglary', 'robbery'], area: 'anglia' })).toEqual(['an-wed-5']);
    expect(await ids({ enhanced: true })).toEqual(['wx-tue-4']);
    expect(await ids({ closed: true })).toEqual([]);
    expect(await ids({ openedFromMs: Date.parse('2025-03-04T00:00:00Z'), openedToMs: Date.parse('2025-03-05T23:59:59.999Z') })).toEqual(['an-wed-5', 'wx-tue-4']);
  });

  it('counts open, breached and due-today obligations at the instant asked, and finds the cases with a breach', async () => {
    // R4.referral is due 2 working days after the report: Tue 4 → Thu 6 (breached by Mon 10); Wed 5 → Fri 7 (breached);
    // Sun 9 → Tue 11 (open). Monday's was met.
    expect(await ids({ hasBreaches: true })).toEqual(['an-wed-5', 'wx-tue-4']);
    expect(await ids({ hasBreaches: false })).toEqual(['wx-sun-9', 'wx-mon-3']);
    const sunday = (await finder.find({ limit: 1, now: NOW })).items[0];
    expect(sunday).toMatchObject({ caseId: 'wx-sun-9', area: 'wessex', victims: 1, obligations: { open: 1, breached: 0, dueToday: 0 } });
    const onTuesday = (await finder.find({ limit: 1, now: new Date('2025-03-11T09:00:00.000Z') })).items[0];
    expect(onTuesday.obligations).toEqual({ open: 1, breached: 0, dueToday: 1 });
    const tuesdayCase = (await finder.find({ limit: 50, now: NOW, enhanced: true })).items[0];
    expect(tuesdayCase).toMatchObject({ victims: 2, enhanced: true, waitingOn: { agency: 'Police', since: '2025-03-04T10:00:00.000Z' } });
    expect(tuesdayCase.obligations.breached).toBe(2);
  });

  it('pages with a cursor, each case once, whichever way the page is found', async () => {
    const seen: string[] = [];
    let after: CaseFinderQuery['after'];
    do {
      const page = await finder.find({ limit: 1, now: NOW, areas: ['wessex', 'Anglia'], after });
      seen.push(...page.items.map((item) => item.caseId));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(['wx-sun-9', 'an-wed-5', 'wx-tue-4', 'wx-mon-3']);
    const bySmallSet = await finder.find({ limit: 1, now: NOW, sourceReference: 'NICHE-1' });
    expect(bySmallSet).toMatchObject({ items: [{ caseId: 'wx-mon-3' }], next: null });
  });
});

describe('the case finder, given Redis lost the read model', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  afterAll(async () => {
    await store.close();
    await space.dispose();
  });

  it('no longer knows an area it found before, once its reading of the version is a second old (the area is 404 again)', async () => {
    await appendEvents(store, [aCrimeReport('kt-mon-3', '2025-03-03T10:00:00.000Z', [aVictim('v1')], 'Kent')]);
    const runner = new ProjectionRunner({ store, redis: space.connection(), projection: new ObligationsProjection({ store }), keys: new ProjectionKeys(space.prefix, OBLIGATIONS, 1), clock: new TestClock(NOW.toISOString()) });
    runner.start();
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await runner.reached(last.position);
    await runner.stop();
    const versions = new ProjectionVersions(redis, space.prefix);
    const reader = new CaseFinderReader(redis, versions);
    expect(await reader.knownArea('kent')).toBe('Kent');

    // Redis loses everything (as a FLUSHALL would, for this space only); the version stays 1.
    await redis.unlink(...(await space.keys()));
    const aSecondLater = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + versions.readingFreshForMs);
    try {
      expect(await reader.knownArea('kent')).toBeUndefined();
    } finally {
      aSecondLater.mockRestore();
    }
  });
});
