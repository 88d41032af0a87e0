import type { Redis } from 'ioredis';
import type { Agency } from '@case-journey/domain';
import type { Notification } from './notification';

/** Where a raised notification goes besides the store: the webhook outbox, when one is configured. */
export interface NotificationOutbox {
  send(notification: Notification): Promise<void>;
}

export interface NotificationPage {
  total: number;
  offset: number;
  limit: number;
  items: Notification[];
}

/** Stores the notification unless it is there already; lists it, newest first, nationally and for its agency. */
const RAISE = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 1`;

/**
 * The notifications raised so far. Not a projection: they record what was told and when, so a
 * rebuild never drops or repeats them. Keys: `{prefix}:notifications:items` (hash by id) and
 * sorted sets by raising time, all and per responsible agency.
 */
export class NotificationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly outbox?: NotificationOutbox,
  ) {}

  private key(...parts: string[]): string {
    return [this.prefix, 'notifications', ...parts].join(':');
  }

  /** Stores and sends the notification; true the first time. Sending again is left to the outbox's own idempotence. */
  async raise(notification: Notification): Promise<boolean> {
    const raised = await this.redis.eval(
      RAISE,
      3,
      this.key('items'),
      this.key('by-time'),
      this.key('by-agency', notification.responsible),
      notification.id,
      JSON.stringify(notification),
      Date.parse(notification.raisedAt),
    );
    await this.outbox?.send(notification);
    return raised === 1;
  }

  /**
   * Deletes every notification about these victims (their personal data was erased: nobody is to act
   * on them now), one HSCAN page at a time. Gives the ids of those deleted.
   */
  async forgetVictims(victimIds: readonly string[]): Promise<string[]> {
    const forgotten = new Set(victimIds);
    const removed: string[] = [];
    let cursor = '0';
    do {
      const [next, page] = await this.redis.hscan(this.key('items'), cursor, 'COUNT', 1000);
      cursor = next;
      const about: Notification[] = [];
      for (let i = 1; i < page.length; i += 2) {
        const notification = JSON.parse(page[i]) as Notification;
        if (forgotten.has(notification.victimId)) about.push(notification);
      }
      if (about.length === 0) continue;
      const removal = this.redis.multi().hdel(this.key('items'), ...about.map((notification) => notification.id));
      for (const notification of about) {
        removal.zrem(this.key('by-time'), notification.id).zrem(this.key('by-agency', notification.responsible), notification.id);
      }
      await removal.exec();
      removed.push(...about.map((notification) => notification.id));
    } while (cursor !== '0');
    return removed;
  }

  async list(query: { agency?: Agency; offset: number; limit: number }): Promise<NotificationPage> {
    const index = query.agency ? this.key('by-agency', query.agency) : this.key('by-time');
    const [total, ids] = await Promise.all([this.redis.zcard(index), this.redis.zrevrange(index, query.offset, query.offset + query.limit - 1)]);
    const items = ids.length === 0 ? [] : await this.redis.hmget(this.key('items'), ...ids);
    return {
      total,
      offset: query.offset,
      limit: query.limit,
      items: items.flatMap((item) => (item === null ? [] : [JSON.parse(item) as Notification])),
    };
  }
}
