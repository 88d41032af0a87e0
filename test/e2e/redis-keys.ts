import Redis from 'ioredis';
import { loadConfiguration } from '@case-journey/platform';

/** Deletes what an end-to-end suite left in the shared Redis under its own key prefix (queues, read models). */
export async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(loadConfiguration({}).redisUrl);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
