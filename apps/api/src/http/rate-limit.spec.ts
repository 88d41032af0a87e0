import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { loadConfiguration } from '@case-journey/platform';
import { PrivateRedis } from '../../../../test/e2e/private-redis';
import { ScriptByHashThrottlerStorage, SharedRateLimitStorage } from './rate-limit';

/** A port nothing listens on: Redis "down". */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('SharedRateLimitStorage', () => {
  it('given Redis cannot be reached, still counts each caller (in this process) rather than refusing the request', async () => {
    const storage = SharedRateLimitStorage.fromConfiguration(loadConfiguration({ REDIS_URL: `redis://127.0.0.1:${await deadPort()}` }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the first connection fail
      const hits = [];
      for (let i = 0; i < 3; i++) hits.push((await storage.increment('subject:pc.okafor', 60_000, 2, 60_000, 'default')).totalHits);
      expect(hits).toEqual([1, 2, 3]);
      expect((await storage.increment('subject:pc.okafor', 60_000, 2, 60_000, 'default')).isBlocked).toBe(true);
      expect((await storage.increment('subject:someone-else', 60_000, 2, 60_000, 'default')).totalHits).toBe(1);
    } finally {
      await storage.onApplicationShutdown();
    }
  });

  it('closed twice, as Nest closes it (this provider and the throttler storage provider are one instance), quits Redis once and leaves nothing running', async () => {
    const storage = SharedRateLimitStorage.fromConfiguration(loadConfiguration({}));
    const redis = (storage as unknown as { redis: Redis }).redis;
    if (redis.status !== 'ready') await new Promise((ready) => redis.once('ready', ready));
    const quit = jest.spyOn(redis, 'quit');
    const disconnect = jest.spyOn(redis, 'disconnect');
    await storage.onApplicationShutdown();
    await storage.onApplicationShutdown();
    expect(quit).toHaveBeenCalledTimes(1);
    expect(disconnect).not.toHaveBeenCalled();
    if (redis.status !== 'end') await new Promise((ended) => redis.once('end', ended));
  });
});

describe('ScriptByHashThrottlerStorage', () => {
  let server: PrivateRedis;
  let admin: Redis;
  const connections: Redis[] = [];
  const connect = () => {
    const connection = new Redis(server.url, { keyPrefix: 'cj:rate-limit:', enableAutoPipelining: true });
    connections.push(connection);
    return connection;
  };
  const calls = async (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(await admin.info('commandstats'))?.[1] ?? 0);

  beforeAll(async () => {
    server = await PrivateRedis.start();
    admin = new Redis(server.url);
  });
  afterAll(async () => {
    await Promise.all([...connections, admin].map((connection) => connection.quit()));
    await server.dispose();
  });

  it('counts in the same keys, by the same script, as the package it wraps: the two continue each other\'s counts', async () => {
    const ours = new ScriptByHashThrottlerStorage(connect());
    const theirs = new ThrottlerStorageRedisService(connect());
    const hits = [];
    for (const storage of [theirs, ours, theirs, ours]) hits.push(await storage.increment('subject:pc.okafor', 60_000, 3, 30_000, 'default'));
    expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
    expect(hits[3]).toMatchObject({ timeToExpire: 60, timeToBlockExpire: 30 });
    expect((await admin.keys('cj:rate-limit:*')).sort()).toEqual(['cj:rate-limit:{subject:pc.okafor:default}:blocked', 'cj:rate-limit:{subject:pc.okafor:default}:hits']);
  });

  it('sends the script whole once on a connection, then by its hash; after Redis forgets it (NOSCRIPT), whole again, and counts on', async () => {
    await admin.config('RESETSTAT');
    const storage = new ScriptByHashThrottlerStorage(connect());
    const counted = [];
    for (let i = 0; i < 5; i++) counted.push((await storage.increment('subject:wcu.jones', 60_000, 100, 60_000, 'default')).totalHits);
    expect(counted).toEqual([1, 2, 3, 4, 5]);
    expect([await calls('eval'), await calls('evalsha')]).toEqual([1, 4]);

    await admin.script('FLUSH');
    await admin.config('RESETSTAT');
    expect((await storage.increment('subject:wcu.jones', 60_000, 100, 60_000, 'default')).totalHits).toBe(6);
    expect((await storage.increment('subject:wcu.jones', 60_000, 100, 60_000, 'default')).totalHits).toBe(7);
    // The refused EVALSHA, the script whole, then by its hash again.
    expect([await calls('evalsha'), await calls('eval')]).toEqual([2, 1]);
  });
});

describe('PerCallerThrottlerGuard', () => {
  it('can skip per-route throttle metadata because no route declares any (@Throttle, @SkipThrottle)', () => {
    const sources = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : []));
    const declaring = sources(join(__dirname, '..')).filter((file) => /@(Throttle|SkipThrottle)\(/.test(readFileSync(file, 'utf8')));
    expect(declaring).toEqual([]);
  });
});
