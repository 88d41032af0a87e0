import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfiguration } from '@case-journey/platform';
import { SharedRateLimitStorage } from './rate-limit';

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
});

describe('PerCallerThrottlerGuard', () => {
  it('can skip per-route throttle metadata because no route declares any (@Throttle, @SkipThrottle)', () => {
    const sources = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : []));
    const declaring = sources(join(__dirname, '..')).filter((file) => /@(Throttle|SkipThrottle)\(/.test(readFileSync(file, 'utf8')));
    expect(declaring).toEqual([]);
  });
});
