import type { Redis } from 'ioredis';

/** The keys matching a pattern, one SCAN page at a time, so Redis is never blocked for long. */
export async function* keyPages(redis: Redis, pattern: string, count = 1000): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, page] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', count);
    cursor = next;
    if (page.length > 0) yield page;
  } while (cursor !== '0');
}

/** Every key matching a pattern, sorted. */
export async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  for await (const page of keyPages(redis, pattern)) found.push(...page);
  return found.sort();
}
