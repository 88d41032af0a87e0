import { Worker, type ConnectionOptions, type JobsOptions, type Queue } from 'bullmq';
import type { Notification } from './notification';
import type { NotificationOutbox } from './notification-store';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature';
import { jobLockOptions, jobRunnerName, WEBHOOKS_QUEUE, type JobLockSettings } from '../deadlines/queues';

export interface WebhookSettings {
  url: string;
  secret: string;
  /** First retry after this many ms, doubling each time. Default 2000. */
  backoffMs?: number;
  attempts?: number;
  timeoutMs?: number;
}

/**
 * Notifications waiting to be POSTed, as BullMQ jobs keyed by notification id: a notification sent
 * twice within a day is delivered once. Failed calls are retried with exponential backoff.
 */
export class WebhookOutbox implements NotificationOutbox {
  private readonly options: JobsOptions;

  constructor(
    readonly queue: Queue<Notification>,
    settings: Pick<WebhookSettings, 'backoffMs' | 'attempts'> = {},
  ) {
    this.options = {
      attempts: settings.attempts ?? 8,
      backoff: { type: 'exponential', delay: settings.backoffMs ?? 2000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { count: 1000 },
    };
  }

  async send(notification: Notification): Promise<void> {
    await this.queue.add(notification.kind, notification, { ...this.options, jobId: notification.id });
  }
}

/** POSTs one notification, signed; anything but a 2xx answer is a failure for BullMQ to retry. */
export async function deliverWebhook(notification: Notification, settings: WebhookSettings): Promise<void> {
  const body = JSON.stringify(notification);
  const timestamp = String(Date.now());
  const response = await fetch(settings.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: webhookSignature(settings.secret, timestamp, body),
      [DELIVERY_HEADER]: notification.id,
    },
    body,
    signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
  });
  if (!response.ok) throw new Error(`Webhook answered ${response.status} for ${notification.id}`);
}

export function webhookWorker(connection: ConnectionOptions, prefix: string, settings: WebhookSettings, locks?: JobLockSettings): Worker<Notification> {
  return new Worker<Notification>(WEBHOOKS_QUEUE, (job) => deliverWebhook(job.data, settings), { connection, prefix, name: jobRunnerName(), concurrency: 4, ...(locks && jobLockOptions(locks)) });
}
