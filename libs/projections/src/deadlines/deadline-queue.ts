import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
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
    await this.add(jobs, now);
  }

  /**
   * Applies the changes again once their batch is committed: a job due at once may have fired
   * before the reading it needs was there, found nothing and been removed. Adding a job already
   * there does nothing, so of the new deadlines only those whose job is gone are added again; looking
   * for their keys costs Redis a lookup each, where adding them all ran BullMQ's add script for each.
   */
  async applyAgain({ schedule, reschedule, cancel }: DeadlineChanges, now: Date): Promise<void> {
    await this.apply({ schedule: await this.gone(schedule), reschedule, cancel }, now);
  }

  /** The deadlines whose job is not in the queue (never added, or run and removed). */
  private async gone(deadlines: readonly Deadline[]): Promise<Deadline[]> {
    if (deadlines.length === 0) return [];
    // The queues reach Redis through ioredis (`bullConnection`): its own client, behind BullMQ's interface, pipelines any command.
    const client = (await this.queue.getBackend().client) as unknown as Pick<Redis, 'pipeline'>;
    const found = (await client.pipeline(deadlines.map(({ jobId }) => ['exists', this.queue.toKey(jobId)])).exec()) ?? [];
    return deadlines.filter((_, i) => {
      const [error, exists] = found[i] ?? [new Error('no answer')];
      if (error) throw error;
      return exists === 0;
    });
  }

  private async add(jobs: readonly Deadline[], now: Date): Promise<void> {
    await this.queue.addBulk(
      jobs.map((deadline) => ({
        name: deadline.kind,
        data: { ...deadline, firstSeenAt: now.getTime() },
        opts: { ...DEADLINE_JOB_OPTIONS, jobId: deadline.jobId, delay: Math.max(0, deadline.at - now.getTime()) },
      })),
    );
  }
}
