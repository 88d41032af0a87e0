import type { CaseEvent } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../testing/case-events';
import { RedisTestSpace, waitFor } from '../testing/redis-test-space';
import type { Projection } from './projection';
import { leaseTimings, LOOK_AFTER_EXPIRY_MS, ProjectionLease } from './projection-lease';
import { ProjectionKeys } from './projection-keys';
import { ProjectionRunner } from './projection-runner';

const clock = { now: () => new Date('2025-04-01T12:00:00.000Z') };
const journey = (caseId: string, days: number): CaseEvent[] => [
  aCrimeReport(caseId, '2025-03-01T10:00:00.000Z', [aVictim(`${caseId}-v`)]),
  ...Array.from({ length: days }, (_, day) =>
    aCaseEvent(caseId, 'SuspectEventRecorded', `2025-03-${String(day + 2).padStart(2, '0')}T10:00:00.000Z`, 'Police', { suspectId: 's', kind: 'interviewed-under-caution' }),
  ),
];

/** Pushes each event's id onto one list, as its runner names itself: a double count shows as a repeated id. */
function ledger(name: string, gate?: { at: number; open: Promise<void>; reached: () => void }): Projection {
  let batches = 0;
  return {
    name: 'ledger',
    apply: async (batch, { keys, transaction }) => {
      for (const event of batch) transaction.rpush(keys.key('applied'), `${event.id}`).rpush(keys.key('by'), name);
      if (gate && ++batches === gate.at) {
        gate.reached();
        await gate.open;
      }
    },
  };
}

describe('ProjectionLease', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const keys = new ProjectionKeys(space.prefix, 'ledger', 1);
  afterAll(() => space.dispose());

  it('is taken by one holder at a time, and numbered higher at each taking', async () => {
    const first = new ProjectionLease(keys, leaseTimings(4000), 'first');
    const second = new ProjectionLease(keys, leaseTimings(4000), 'second');
    expect(await first.tryTake(redis)).toBe(true);
    expect(await second.tryTake(redis)).toBe(false);
    expect(await first.renew(redis)).toBe(true);

    await first.release(redis);
    expect(await second.tryTake(redis)).toBe(true);
    expect(second.token).toBe(2);
    expect(await first.renew(redis)).toBe(false); // released: renewing takes nothing back
    expect(await redis.get(second.key)).toMatch(/^second\/.+\/2$/);
    expect(await redis.get(second.fenceKey)).toBe('2'); // the fence moves with the taking, before any commit
    expect(() => first.verify('2')).toThrow(/lease lost/);
    expect(() => second.verify('2')).not.toThrow();
    await second.release(redis);
  });

  it('splits the failover time: the key lives three quarters of it, and holders renew and standbys look at least every quarter', () => {
    expect(leaseTimings(10_000)).toEqual({ ttlMs: 7500, periodMs: 2500 });
  });

  it('given a holder whose key expires within a period, tells a standby to look again just after it expires rather than a whole period later', async () => {
    const holder = new ProjectionLease(keys, leaseTimings(10_000), 'holder');
    const standby = new ProjectionLease(keys, leaseTimings(10_000), 'standby');
    expect(await holder.tryTake(redis)).toBe(true);

    expect(await standby.tryTake(redis)).toBe(false);
    expect(standby.nextLookMs()).toBe(2500); // the key lives 7,500 ms: look again in a period, for a release

    await redis.pexpire(holder.key, 1000); // the holder's last renewal is 6.5 s old
    expect(await standby.tryTake(redis)).toBe(false);
    const wait = standby.nextLookMs();
    expect(wait).toBeLessThanOrEqual(1000 + LOOK_AFTER_EXPIRY_MS);
    expect(wait).toBeGreaterThan(LOOK_AFTER_EXPIRY_MS); // the key had time left: not looking again at once

    await redis.del(holder.key); // gone: the next look takes it
    expect(await standby.tryTake(redis)).toBe(true);
    expect(standby.nextLookMs()).toBe(2500); // a holder's own answer carries no other holder's expiry
    await standby.release(redis);
  });
});

describe('ProjectionRunner with a lease, several runners on one version', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  let store: SqliteEventStore;
  let keys: ProjectionKeys;
  const runners: ProjectionRunner[] = [];
  const runner = (name: string, failoverMs: number, projection = ledger(name), onError?: (error: unknown) => void, lease = new ProjectionLease(keys, leaseTimings(failoverMs), name)) => {
    const created = new ProjectionRunner({ store, redis: space.connection(), projection, keys, clock, retryDelayMs: 10, lease, onError });
    runners.push(created);
    return created;
  };
  const applied = async () => ({ ids: await redis.lrange(keys.key('applied'), 0, -1), by: await redis.lrange(keys.key('by'), 0, -1) });

  beforeEach(() => {
    store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    keys = new ProjectionKeys(space.prefix, 'ledger', 1 + Math.floor(Math.random() * 1e6));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((running) => running.stop()));
    await store.close();
  });
  afterAll(() => space.dispose());

  it('given three runners, only the lease holder applies; when it stops, a standby carries on from its checkpoint', async () => {
    const events = journey('a', 5);
    await appendEvents(store, events.slice(0, 3));
    const [a, b, c] = [runner('a', 400), runner('b', 400), runner('c', 400)];
    a.start();
    await waitFor(async () => (await applied()).ids.length === 3, 2000, 'the first holder');
    b.start();
    c.start();
    await appendEvents(store, events.slice(3, 4));
    await waitFor(async () => (await applied()).ids.length === 4, 2000, 'the live event');
    expect(new Set((await applied()).by)).toEqual(new Set(['a']));

    await a.stop();
    await appendEvents(store, events.slice(4));
    await waitFor(async () => (await applied()).ids.length === 6, 2000, 'a standby taking over');
    const { ids, by } = await applied();
    expect(new Set(ids).size).toBe(6); // nothing applied twice
    expect(['b', 'c']).toContain(by[5]);
  });

  it('given the holder paused mid-batch past its lease, its batch is never committed once another runner has taken over', async () => {
    const events = journey('b', 2);
    let reached!: () => void;
    const paused = new Promise<void>((resolve) => (reached = resolve));
    let open!: () => void;
    const gate = { at: 1, open: new Promise<void>((resolve) => (open = resolve)), reached };
    const lost: unknown[] = [];
    // A paused process renews nothing: its lease runs out while it believes it still holds it.
    const frozen = new ProjectionLease(keys, leaseTimings(400), 'old');
    jest.spyOn(frozen, 'renew').mockResolvedValue(true);
    const old = runner('old', 400, ledger('old', gate), (error) => lost.push(error), frozen);
    await appendEvents(store, events.slice(0, 2));
    old.start();
    await paused; // the old owner computed its first batch and hangs before committing it

    const successor = runner('new', 400);
    successor.start();
    await waitFor(async () => (await applied()).ids.length === 2, 3000, 'the successor, once the old lease expired');
    open();
    await appendEvents(store, events.slice(2));
    await waitFor(async () => (await applied()).ids.length === 3, 2000, 'the next event');
    await waitFor(() => lost.length > 0, 2000, 'the old owner noticing');

    const { ids, by } = await applied();
    expect(new Set(ids).size).toBe(3);
    expect(by).toEqual(['new', 'new', 'new']);
    expect(String(lost[0])).toMatch(/lease lost/);
  });
});
