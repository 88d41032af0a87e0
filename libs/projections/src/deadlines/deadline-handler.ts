import { DelayedError, Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '@case-journey/platform';
import type { Obligation } from '@case-journey/victims-code';
import { actionableObligations } from '../obligations/case-obligations';
import { deadlinesOf, type Deadline } from '../obligations/deadlines';
import { OBLIGATIONS, type ObligationsProjection } from '../obligations/obligations.projection';
import type { ProjectionVersions } from '../runner/projection-versions';
import { breachNotification } from '../notifications/notification';
import type { NotificationStore } from '../notifications/notification-store';
import { DEADLINES_QUEUE, deadlineRetryDelay, jobLockOptions, type JobLockSettings } from './queues';

export type DeadlineOutcome = Obligation['status'] | 'not-yet' | 'gone';

/** What a deadline job came to, and the deadline as the obligation now stands (its instant may have moved). */
export interface DeadlineRun {
  outcome: DeadlineOutcome;
  deadline: Deadline;
}

export interface DeadlineHandlerOptions {
  projection: ObligationsProjection;
  versions: ProjectionVersions;
  /** A connection of the handler's own (the re-reading WATCHes). */
  redis: Redis;
  clock: Clock;
  notifications: NotificationStore;
}

/**
 * What a deadline job does when it fires: read the case again as of now (so the read models move
 * the obligation to due soon or breached, as far as the projection has got), and if the deadline
 * passed unmet on the case's whole stream (a lagging projection may not have seen the contact that
 * met it yet), raise a notification. A job that fires before its deadline's instant, as the
 * obligation now stands on the injected clock, says 'not-yet' to be delayed again until then: the
 * job's own instant may be stale (a correction moved the deadline while the job was running, when
 * it could be neither removed nor replaced).
 */
export class DeadlineHandler {
  constructor(private readonly options: DeadlineHandlerOptions) {}

  async handle(deadline: Deadline): Promise<DeadlineRun> {
    const { projection, versions, redis, clock, notifications } = this.options;
    const now = clock.now();
    await projection.reevaluate(deadline.caseId, redis, await versions.reading(OBLIGATIONS), now);
    const judged = await projection.judge(deadline.caseId, now);
    // An erased victim's obligations still count, but nobody can be told to contact them.
    const obligation = judged && actionableObligations(judged).find((candidate) => candidate.id === deadline.obligationId);
    if (!judged || !obligation) return { outcome: 'gone', deadline };
    const ahead = deadlinesOf(judged, projection.calendar).get(deadline.jobId);
    if (ahead && now.getTime() < ahead.at) return { outcome: 'not-yet', deadline: ahead };
    if (deadline.kind === 'breach' && obligation.status === 'breached') await notifications.raise(breachNotification(obligation, judged, now));
    return { outcome: obligation.status, deadline };
  }
}

/**
 * The BullMQ worker running deadline jobs one at a time (the handler's connection is not shared),
 * retrying a failed one without limit on the capped backoff of `deadlineRetryDelay`.
 */
export function deadlineWorker(
  connection: ConnectionOptions,
  prefix: string,
  handler: Pick<DeadlineHandler, 'handle'>,
  clock: Clock,
  locks?: JobLockSettings,
): Worker<Deadline, DeadlineOutcome> {
  return new Worker<Deadline, DeadlineOutcome>(
    DEADLINES_QUEUE,
    async (job, token) => {
      const { outcome, deadline } = await handler.handle(job.data);
      if (outcome === 'not-yet') {
        if (deadline.at !== job.data.at) await job.updateData(deadline);
        await job.moveToDelayed(Date.now() + Math.max(1, deadline.at - clock.now().getTime()), token);
        throw new DelayedError();
      }
      return outcome;
    },
    { connection, prefix, concurrency: 1, settings: { backoffStrategy: deadlineRetryDelay }, ...(locks && jobLockOptions(locks)) },
  );
}
