import type { Redis } from 'ioredis';
import type { Agency } from '@case-journey/domain';
import { mergedPage } from '../runner/merged-page';
import { keyPart } from '../runner/projection-keys';
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
for i = 2, #KEYS do redis.call('ZADD', KEYS[i], ARGV[3], ARGV[1]) end
return 1`;

export interface NotificationQuery {
  agency?: Agency;
  /** The caller's areas: no other area's notifications are read. Undefined reads every area. */
  areas?: readonly string[];
  offset: number;
  limit: number;
}

/**
 * The notifications raised so far. Not a projection: they record what was told and when, so a
 * rebuild never drops or repeats them. Keys: `{prefix}:notifications:items` (hash by id) and
 * sorted sets by raising time: all, per responsible agency, per area, and per area and agency.
 */
export class NotificationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly outbox?: NotificationOutbox,
    /** Told of each notification raised for the first time (the worker counts breaches raised). */
    private readonly onRaised?: (notification: Notification) => void,
  ) {}

  private key(...parts: string[]): string {
    return [this.prefix, 'notifications', ...parts].join(':');
  }

  /**
   * Stores the notification and, unless told not to (a historical breach, or one told before Redis
   * lost it), sends it; true the first time. Sending again is left to the outbox's own idempotence.
   */
  async raise(notification: Notification, { push = true }: { push?: boolean } = {}): Promise<boolean> {
    const indexes = this.indexesOf(notification);
    const raised = await this.redis.eval(
      RAISE,
      1 + indexes.length,
      this.key('items'),
      ...indexes,
      notification.id,
      JSON.stringify(notification),
      Date.parse(notification.raisedAt),
    );
    if (push) await this.outbox?.send(notification);
    if (raised === 1) this.onRaised?.(notification);
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
      for (const notification of about) for (const index of this.indexesOf(notification)) removal.zrem(index, notification.id);
      await removal.exec();
      removed.push(...about.map((notification) => notification.id));
    } while (cursor !== '0');
    return removed;
  }

  async list(query: NotificationQuery): Promise<NotificationPage> {
    const { total, ids } = query.areas === undefined ? await this.listed(query) : await this.listedInAreas(query, query.areas);
    const items = ids.length === 0 ? [] : await this.redis.hmget(this.key('items'), ...ids);
    return {
      total,
      offset: query.offset,
      limit: query.limit,
      items: items.flatMap((item) => (item === null ? [] : [JSON.parse(item) as Notification])),
    };
  }

  /** The sorted sets a notification is listed in: all, its agency's, its area's, and its area's for its agency. */
  private indexesOf(notification: Notification): string[] {
    const inArea = notification.area === null ? [] : [this.key('by-area', keyPart(notification.area)), this.key('by-area', keyPart(notification.area), notification.responsible)];
    return [this.key('by-time'), this.key('by-agency', notification.responsible), ...inArea];
  }

  private async listed(query: NotificationQuery): Promise<{ total: number; ids: string[] }> {
    const index = query.agency ? this.key('by-agency', query.agency) : this.key('by-time');
    const [total, ids] = await Promise.all([this.redis.zcard(index), this.redis.zrevrange(index, query.offset, query.offset + query.limit - 1)]);
    return { total, ids };
  }

  /** Newest first across the areas' indexes, merged: each gives at most offset + limit. */
  private async listedInAreas(query: NotificationQuery, areas: readonly string[]): Promise<{ total: number; ids: string[] }> {
    const indexes = areas.map((area) => this.key('by-area', keyPart(area), ...(query.agency ? [query.agency] : [])));
    return mergedPage(this.redis, indexes, { offset: query.offset, limit: query.limit, descending: true });
  }
}
