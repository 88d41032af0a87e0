import type { Queue } from 'bullmq';
import type { Deadline, DeadlineChanges } from '../obligations/deadlines';
import type { DeadlineScheduler } from '../obligations/obligations.projection';
import { DEADLINE_JOB_OPTIONS } from './queues';

/**
 * Deadlines as BullMQ delayed jobs, one per deadline with the deadline's id as job id: adding one
 * already there does nothing, so a batch applied twice schedules nothing twice. A moved deadline
 * replaces its job; delays are counted on the injected clock, so tests can bring a deadline near.
 */
export class DeadlineQueue implements DeadlineScheduler {
  constructor(readonly queue: Queue<Deadline>) {}

  async apply({ schedule, reschedule, cancel }: DeadlineChanges, now: Date): Promise<void> {
    await Promise.all([...cancel, ...reschedule.map((deadline) => deadline.jobId)].map((jobId) => this.remove(jobId)));
    const jobs = [...schedule, ...reschedule];
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map((deadline) => ({
        name: deadline.kind,
        data: deadline,
        opts: { ...DEADLINE_JOB_OPTIONS, jobId: deadline.jobId, delay: Math.max(0, deadline.at - now.getTime()) },
      })),
    );
  }

  /** A job being processed cannot be removed; it re-reads the case when it runs, which is as good. */
  private async remove(jobId: string): Promise<void> {
    try {
      await this.queue.remove(jobId);
    } catch {
      // locked by the worker running it
    }
  }
}
