import { RedisTestSpace } from '../testing/redis-test-space';
import type { Notification } from './notification';
import { NotificationStore } from './notification-store';

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
    expect(await store.forgetVictims(['v-1'])).toEqual([]);
  });
});
