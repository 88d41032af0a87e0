import { Queue, type ConnectionOptions, type JobType } from 'bullmq';
import type { Deadline } from '../obligations/deadlines';
import type { Notification } from '../notifications/notification';
import { DEADLINES_QUEUE, REBUILDS_QUEUE, WEBHOOKS_QUEUE } from './queues';

/** What a rebuild job is asked to do. */
export interface RebuildRequest {
  projection: string;
}

const COUNTED: JobType[] = ['waiting', 'delayed', 'active', 'failed', 'completed'];

/** The worker's three BullMQ queues, as both apps reach them: to add jobs and to report their depth. */
export class JobQueues {
  readonly deadlines: Queue<Deadline>;
  readonly webhooks: Queue<Notification>;
  readonly rebuilds: Queue<RebuildRequest>;

  constructor(
    readonly connection: ConnectionOptions,
    readonly prefix: string,
  ) {
    this.deadlines = new Queue<Deadline>(DEADLINES_QUEUE, { connection, prefix });
    this.webhooks = new Queue<Notification>(WEBHOOKS_QUEUE, { connection, prefix });
    this.rebuilds = new Queue<RebuildRequest>(REBUILDS_QUEUE, { connection, prefix });
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
    await Promise.all([this.deadlines.close(), this.webhooks.close(), this.rebuilds.close()]);
  }
}
