import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { NestFactory } from '@nestjs/core';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { WorkerModule } from '../worker.module';

describe('the worker', () => {
  // The worker's projections and queues write under this prefix, cleared afterwards.
  const keyPrefix = `cjtest-feed-${process.pid}`;
  afterAll(async () => {
    const redis = new Redis();
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  it('connects to Redis and reports each handoff appended after it started, not the ones before, nor events of other streams', async () => {
    const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    await store.append('case-before', [{ id: '00000000-0000-4000-8000-000000000001', type: 'CrimeReported', data: {}, metadata: { agency: 'Police' } }]);
    const lines: string[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void lines.push(String(message)));

    const worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(loadConfiguration({ REDIS_KEY_PREFIX: keyPrefix }), { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore() }),
      { logger: false },
    );
    await worker.init();
    await store.append('notified-after', [{ id: '00000000-0000-4000-8000-000000000003', type: 'BreachNotified', data: {}, metadata: { occurredAt: '2026-03-02T09:00:00.000Z' } }]);
    await store.append('case-after', [
      { id: '00000000-0000-4000-8000-000000000002', type: 'HearingListed', data: {}, metadata: { agency: 'HMCTS', occurredAt: '2026-03-02T10:00:00.000Z' } },
    ]);
    await waitFor(() => lines.some((line) => line.includes('case-after')));
    await worker.close();

    expect(lines).toContain('Redis answers');
    expect(lines).toContain('case-after@0 HearingListed by HMCTS (happened 2026-03-02T10:00:00.000Z)');
    expect(lines.some((line) => line.includes('case-before'))).toBe(false);
    expect(lines.filter((line) => /notified-after|unknown agency/.test(line))).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
