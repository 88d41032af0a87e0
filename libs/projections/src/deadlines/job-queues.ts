import type { Queue, JobType } from 'bullmq';
import type { Deadline } from '../obligations/deadlines';
import type { Notification } from '../notifications/notification';
import { closeBull, DEADLINES_QUEUE, openQueue, REBUILDS_QUEUE, WEBHOOKS_QUEUE, type QueueSite } from './queues';

/** What a rebuild job is asked to do. */
export interface RebuildRequest {
  projection: string;
}

const COUNTED: JobType[] = ['waiting', 'delayed', 'active', 'failed', 'completed'];

/**
 * The worker's three BullMQ queues, as both apps reach them: to add jobs and to report their depth.
 * Each is opened when first used, so an app that never touches one opens no connection for it.
 */
export class JobQueues {
  private readonly opened = new Map<string, Queue>();

  constructor(readonly site: QueueSite) {}

  get deadlines(): Queue<Deadline> {
    return this.queue<Deadline>(DEADLINES_QUEUE);
  }

  get webhooks(): Queue<Notification> {
    return this.queue<Notification>(WEBHOOKS_QUEUE);
  }

  get rebuilds(): Queue<RebuildRequest> {
    return this.queue<RebuildRequest>(REBUILDS_QUEUE);
  }

  /** Jobs per state in each queue. */
  async depths(): Promise<Record<string, Record<string, number>>> {
    const queues = [this.deadlines, this.webhooks, this.rebuilds] as Queue[];
    const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...COUNTED)));
    return Object.fromEntries(queues.map((queue, i) => [queue.name, counts[i]]));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.opened.values()].map((queue) => closeBull(queue)));
    this.opened.clear();
  }

  private queue<T>(name: string): Queue<T> {
    let queue = this.opened.get(name);
    if (!queue) {
      this.opened.set(name, (queue = openQueue(name, this.site)));
    }
    return queue as Queue<T>;
  }
}
