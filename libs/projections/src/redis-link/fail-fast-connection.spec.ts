import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { closeBull } from '../deadlines/queues';
import { failFastConnection } from './redis-failures';

describe('a queue on a fail-fast connection', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  afterEach(() => jest.restoreAllMocks());

  it('given INFO times out (a busy machine), when the queue is used, then it answers: its readiness never rests on a version question', async () => {
    // ioredis' own ready check would ask INFO too; off here, so the only INFO would be BullMQ's.
    jest.spyOn(Redis.prototype, 'info').mockRejectedValue(new Error('Command timed out'));
    const queue = new Queue('fail-fast-probe', { connection: { ...failFastConnection(url, 1000), enableReadyCheck: false }, prefix: `cjtest-failfast-${process.pid}` });
    queue.on('error', () => undefined);
    try {
      await expect(queue.getJobCounts('waiting')).resolves.toEqual({ waiting: 0 });
    } finally {
      await closeBull(queue);
    }
  }, 20_000);
});
