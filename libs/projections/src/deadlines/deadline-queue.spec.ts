import { Queue } from 'bullmq';
import type { Deadline } from '../obligations/deadlines';
import { RedisTestSpace, TEST_REDIS_URL } from '../testing/redis-test-space';
import { DeadlineQueue } from './deadline-queue';
import { bullConnection, bullPrefix, DEADLINES_QUEUE } from './queues';

const HOUR_MS = 3_600_000;
const deadline = (obligationId: string, at: number): Deadline => ({ jobId: obligationId, kind: 'breach', caseId: 'c', obligationId, at });

describe('DeadlineQueue', () => {
  it('fails when a job it must remove cannot be, so the batch that wanted it gone is applied again', async () => {
    const queue = { remove: async () => Promise.reject(new Error('Connection is closed.')), addBulk: async () => [] } as unknown as Queue<Deadline>;
    await expect(new DeadlineQueue(queue).apply({ schedule: [], reschedule: [], cancel: ['c/o-1'] }, new Date())).rejects.toThrow('Connection is closed.');
  });

  describe('applying a batch\'s changes again once it is committed', () => {
    const space = new RedisTestSpace();
    const queue = new Queue<Deadline>(DEADLINES_QUEUE, { connection: bullConnection(TEST_REDIS_URL), prefix: bullPrefix(space.prefix) });
    const deadlines = new DeadlineQueue(queue);
    afterAll(async () => {
      await queue.close();
      await space.dispose();
    });

    it('adds again only the new deadlines whose job is gone, leaves the others as first scheduled, and removes the cancelled again', async () => {
      // Given three deadlines scheduled at 09:00 (the first due at once), and a job to cancel
      const first = new Date('2025-03-03T09:00:00.000Z');
      const again = new Date(first.getTime() + 60_000);
      const changes = { schedule: [deadline('o-now', first.getTime()), deadline('o-later', first.getTime() + 48 * HOUR_MS)], reschedule: [deadline('o-moved', first.getTime() + 2 * HOUR_MS)], cancel: ['o-met'] };
      await queue.add('breach', deadline('o-met', first.getTime() + HOUR_MS), { jobId: 'o-met', delay: HOUR_MS });
      await deadlines.apply(changes, first);
      // and the job due at once run and removed before the batch's commit (as a job finding no reading is)
      await queue.remove('o-now');
      // and the cancelled job added again meanwhile
      await queue.add('breach', deadline('o-met', first.getTime() + HOUR_MS), { jobId: 'o-met', delay: HOUR_MS });

      // When the changes are applied again a minute later
      await deadlines.applyAgain(changes, again);

      // Then the job that was gone is back, first seen now; the others keep the first scheduling's; the cancelled one is gone
      const firstSeen = async (jobId: string) => (await queue.getJob(jobId))?.data.firstSeenAt;
      expect(await firstSeen('o-now')).toBe(again.getTime());
      expect(await firstSeen('o-later')).toBe(first.getTime());
      expect(await firstSeen('o-moved')).toBe(again.getTime()); // moved deadlines are replaced both times, as before
      expect(await queue.getJob('o-met')).toBeUndefined();
      expect((await queue.getJob('o-later'))?.opts.delay).toBe(48 * HOUR_MS);
    });
  });
});
