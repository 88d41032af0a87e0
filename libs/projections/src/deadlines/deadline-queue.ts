import type { Queue } from 'bullmq';
import type { Deadline, DeadlineChanges } from '../obligations/deadlines';
import type { DeadlineScheduler } from '../obligations/obligations.projection';
import { DEADLINE_JOB_OPTIONS } from './queues';

/**
 * Deadlines as BullMQ delayed jobs, one per deadline with the deadline's id as job id: adding one
 * already there does nothing, so a batch applied twice schedules nothing twice. A moved deadline
 * replaces its job; delays are counted on the injected clock, so tests can bring a deadline near.
 * Each job carries when it was first scheduled (`firstSeenAt`), which an existing job keeps.
 */
export class DeadlineQueue implements DeadlineScheduler {
  constructor(readonly queue: Queue<Deadline>) {}

  async apply({ schedule, reschedule, cancel }: DeadlineChanges, now: Date): Promise<void> {
    // BullMQ's remove answers 0, not an error, for a job locked by the worker running it (that run
    // re-reads the case, which is as good) and removes a missing one quietly. Anything else (Redis
    // gone) is thrown, so that the batch or re-reading that wanted the job gone is done again.
    await Promise.all([...cancel, ...reschedule.map((deadline) => deadline.jobId)].map((jobId) => this.queue.remove(jobId)));
    const jobs = [...schedule, ...reschedule];
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map((deadline) => ({
        name: deadline.kind,
        data: { ...deadline, firstSeenAt: now.getTime() },
        opts: { ...DEADLINE_JOB_OPTIONS, jobId: deadline.jobId, delay: Math.max(0, deadline.at - now.getTime()) },
      })),
    );
  }
}
