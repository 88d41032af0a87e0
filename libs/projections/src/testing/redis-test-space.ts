import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { keysMatching } from '../runner/key-pages';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A key prefix of a test's own on the shared Redis, and a way to delete everything under it:
 * test files share the server, so each one keeps to its prefix and cleans up after itself.
 */
export class RedisTestSpace {
  readonly prefix = `cjtest-${randomUUID().slice(0, 8)}`;
  private readonly clients: Redis[] = [];

  /** A new connection (each runner needs its own: WATCH state is per connection). */
  connection(): Redis {
    const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    this.clients.push(client);
    return client;
  }

  async keys(pattern = '*'): Promise<string[]> {
    const redis = this.clients[0] ?? this.connection();
    return keysMatching(redis, `${this.prefix}${pattern}`);
  }

  async dispose(): Promise<void> {
    const found = await this.keys();
    if (found.length > 0) await this.clients[0].unlink(...found);
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
  }
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
