import type { Queue } from 'bullmq';
import type { Deadline } from '../obligations/deadlines';
import { DeadlineQueue } from './deadline-queue';

describe('DeadlineQueue', () => {
  it('fails when a job it must remove cannot be, so the batch that wanted it gone is applied again', async () => {
    const queue = { remove: async () => Promise.reject(new Error('Connection is closed.')), addBulk: async () => [] } as unknown as Queue<Deadline>;
    await expect(new DeadlineQueue(queue).apply({ schedule: [], reschedule: [], cancel: ['c/o-1'] }, new Date())).rejects.toThrow('Connection is closed.');
  });
});
