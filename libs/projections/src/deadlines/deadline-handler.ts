import { DelayedError, Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '@case-journey/platform';
import type { Obligation } from '@case-journey/victims-code';
import { actionableObligations } from '../obligations/case-obligations';
import { deadlinesOf, type Deadline } from '../obligations/deadlines';
import { OBLIGATIONS, type ObligationsProjection } from '../obligations/obligations.projection';
import type { ProjectionVersions } from '../runner/projection-versions';
import { breachNotification } from '../notifications/notification';
import type { BreachRecord } from '../notifications/breach-record';
import type { Notification } from '../notifications/notification';
import type { NotificationStore } from '../notifications/notification-store';
import { DEADLINES_QUEUE, deadlineRetryDelay, jobLockOptions, jobRunnerName, type JobLockSettings } from './queues';

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
  /** Which breaches were told, kept in the event store: none is told twice, even after Redis lost everything. */
  record?: BreachRecord;
  /** A breach whose deadline had passed this long before its job was first scheduled is historical: listed, not pushed. */
  historicalAfterMs?: number;
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
    if (deadline.kind === 'breach' && obligation.status === 'breached') await this.notify(breachNotification(obligation, judged, now), deadline.firstSeenAt ?? now.getTime());
    return { outcome: obligation.status, deadline };
  }

  /**
   * A breach told before (Redis may have lost it since) is listed again as first raised and not
   * pushed; a historical one is listed and not pushed; any other is listed and pushed. Each is then
   * remembered in the event store, after the outbox took it: a crash in between tells it again once
   * (the outbox drops a repeat while it keeps the first), never not at all.
   */
  private async notify(fresh: Notification, firstSeenAt: number): Promise<void> {
    const { notifications, record, historicalAfterMs } = this.options;
    const told = await record?.told(fresh.caseId, fresh.id);
    if (told) {
      await notifications.raise(told, { push: false });
      return;
    }
    const historical = historicalAfterMs !== undefined && firstSeenAt - Date.parse(fresh.dueAt) > historicalAfterMs;
    const notification: Notification = historical ? { ...fresh, historical: true } : fresh;
    await notifications.raise(notification, { push: !historical });
    await record?.remember(notification);
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
      // A job scheduled before jobs carried it was first seen when it was made.
      const { outcome, deadline } = await handler.handle({ ...job.data, firstSeenAt: job.data.firstSeenAt ?? job.timestamp });
      if (outcome === 'not-yet') {
        if (deadline.at !== job.data.at) await job.updateData({ ...deadline, firstSeenAt: job.data.firstSeenAt ?? job.timestamp });
        await job.moveToDelayed(Date.now() + Math.max(1, deadline.at - clock.now().getTime()), token);
        throw new DelayedError();
      }
      return outcome;
    },
    { connection, prefix, name: jobRunnerName(), concurrency: 1, settings: { backoffStrategy: deadlineRetryDelay }, ...(locks && jobLockOptions(locks)) },
  );
}
