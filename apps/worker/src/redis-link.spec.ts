import { Logger } from '@nestjs/common';
import { loadConfiguration } from '@case-journey/platform';
import { waitFor } from '../../../libs/projections/src/testing/redis-test-space';
import { PrivateRedis } from '../../../test/e2e/private-redis';
import { RedisLink } from './redis-link';

const until = (what: string, condition: () => boolean) => waitFor(condition, 15_000, what);

describe("the worker's link to Redis", () => {
  let redis: PrivateRedis;
  let link: RedisLink;
  const said: string[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    for (const level of ['log', 'warn', 'error'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...parts: unknown[]) {
        if ((this as unknown as { context?: string }).context === 'Redis') said.push(String(parts[0]));
      });
    }
  });
  afterAll(async () => {
    await redis.restart().catch(() => undefined);
    await link?.onApplicationShutdown();
    await redis.dispose();
    jest.restoreAllMocks();
  }, 30_000);

  it('given a listener still waiting on Redis when it goes, then the outage is told, and its end once Redis answers again', async () => {
    link = new RedisLink(loadConfiguration({ REDIS_URL: redis.url, REDIS_LOSS_CHECK_MS: '100', REDIS_READ_TIMEOUT_MS: '200' }));
    let calls = 0;
    let release: () => void = () => undefined;
    // The second telling waits, as a loss check's command in flight when Redis goes waits for it to come back.
    link.onAnswer(() => (++calls === 2 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()));
    link.onApplicationBootstrap();
    await until('the listener told twice', () => calls === 2);

    await redis.stop();
    await until('the outage told', () => said.some((line) => /^Redis cannot be reached/.test(line)));
    expect(link.answering).toBe(false);

    await redis.restart();
    await until('its end told', () => said.some((line) => /^Redis answers again after/.test(line)));
    expect(link.answering).toBe(true);
    expect(calls).toBe(2); // not told again while the second telling still runs
    release();
    await until('the listener told again once the waiting one is done', () => calls >= 3);
    expect(said).toEqual([expect.stringMatching(/^Redis cannot be reached/), expect.stringMatching(/^Redis answers again after/)]);
  }, 60_000);
});
