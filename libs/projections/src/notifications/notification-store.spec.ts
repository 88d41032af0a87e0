import { RedisTestSpace } from '../testing/redis-test-space';
import type { Notification } from './notification';
import { NotificationStore } from './notification-store';

const breach = (id: string, area: string | null, responsible: Notification['responsible'], raisedAt: string): Notification => ({
  id,
  kind: 'obligation-breached',
  raisedAt,
  caseId: `c-${id}`,
  urn: null,
  area,
  victimId: 'v-1',
  obligationId: `c-${id}/v-1/R4.referral/e-1`,
  ruleId: 'R4.referral',
  right: 4,
  responsible,
  rights: 'standard',
  dueAt: raisedAt,
}) as Notification;

describe('NotificationStore, read within areas', () => {
  const space = new RedisTestSpace();
  const store = new NotificationStore(space.connection(), space.prefix);
  afterAll(() => space.dispose());

  beforeAll(async () => {
    await store.raise(breach('w1', 'Wessex', 'Police', '2025-03-01T00:00:00.000Z'));
    await store.raise(breach('a1', 'Anglia', 'WCU', '2025-03-02T00:00:00.000Z'));
    await store.raise(breach('w2', 'Wessex', 'WCU', '2025-03-03T00:00:00.000Z'));
    await store.raise(breach('p1', 'Pennine', 'WCU', '2025-03-04T00:00:00.000Z'));
    await store.raise(breach('n1', null, 'WCU', '2025-03-05T00:00:00.000Z'));
  });
  const ids = async (query: Parameters<NotificationStore['list']>[0]) => {
    const page = await store.list(query);
    return { total: page.total, ids: page.items.map((item) => item.id) };
  };

  it("lists only the caller's areas, newest first across them, paged over the merge", async () => {
    expect(await ids({ areas: ['Wessex', 'Anglia'], offset: 0, limit: 10 })).toEqual({ total: 3, ids: ['w2', 'a1', 'w1'] });
    expect(await ids({ areas: ['Wessex', 'Anglia'], offset: 1, limit: 1 })).toEqual({ total: 3, ids: ['a1'] });
    expect(await ids({ areas: ['Wessex'], agency: 'WCU', offset: 0, limit: 10 })).toEqual({ total: 1, ids: ['w2'] });
    expect(await ids({ areas: [], offset: 0, limit: 10 })).toEqual({ total: 0, ids: [] });
  });

  it('lists every area, and those of no area, when the query is not restricted', async () => {
    expect(await ids({ offset: 0, limit: 10 })).toEqual({ total: 5, ids: ['n1', 'p1', 'w2', 'a1', 'w1'] });
  });
});

const aBreach = (victimId: string, n: number, responsible: Notification['responsible'] = 'WCU'): Notification => ({
  id: `breach/c-1/${victimId}/${n}`,
  kind: 'obligation-breached',
  raisedAt: new Date(Date.UTC(2026, 2, 10, 9, n)).toISOString(),
  caseId: 'c-1',
  urn: null,
  area: 'Wessex',
  victimId,
  obligationId: `c-1/${victimId}/${n}`,
  ruleId: 'R8.hearing-date',
  right: 8,
  responsible,
  rights: 'standard',
  dueAt: '2026-03-09T23:59:59.999Z',
});

describe('NotificationStore.forgetVictims', () => {
  const space = new RedisTestSpace();
  afterAll(() => space.dispose());

  it("deletes every notification about an erased victim from the store and its lists, and no one else's", async () => {
    const store = new NotificationStore(space.connection(), space.prefix);
    const kept = [aBreach('v-2', 1), aBreach('v-2', 2, 'Police')];
    const gone = [aBreach('v-1', 3), aBreach('v-1', 4, 'Police')];
    for (const notification of [...kept, ...gone]) await store.raise(notification);

    expect((await store.forgetVictims(['v-1'])).sort()).toEqual(gone.map((notification) => notification.id).sort());
    expect((await store.list({ offset: 0, limit: 10 })).items.map((notification) => notification.id)).toEqual([kept[1].id, kept[0].id]);
    expect((await store.list({ agency: 'Police', offset: 0, limit: 10 })).total).toBe(1);
    expect((await store.list({ areas: ['Wessex'], offset: 0, limit: 10 })).total).toBe(2);
    expect((await store.list({ areas: ['Wessex'], agency: 'Police', offset: 0, limit: 10 })).total).toBe(1);
    expect(await store.forgetVictims(['v-1'])).toEqual([]);
  });
});

describe('NotificationStore.raise, counted', () => {
  const space = new RedisTestSpace();
  const raised: string[] = [];
  const store = new NotificationStore(space.connection(), space.prefix, undefined, (notification) => raised.push(notification.id));
  afterAll(() => space.dispose());

  it('tells of a breach the first time it is raised only, so a re-fired deadline job is not counted twice', async () => {
    await store.raise(breach('once', 'Wessex', 'WCU', '2025-03-01T00:00:00.000Z'));
    await store.raise(breach('once', 'Wessex', 'WCU', '2025-03-01T00:00:00.000Z'));
    await store.raise(breach('other', 'Wessex', 'WCU', '2025-03-02T00:00:00.000Z'));
    expect(raised).toEqual(['once', 'other']);
  });
});
