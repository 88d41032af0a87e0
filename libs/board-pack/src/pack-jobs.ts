import type { Queue, JobState } from 'bullmq';
import { closeBull, openQueue, queueReadyWithin, type QueueSite } from '@case-journey/projections';
import type { PackRequest } from '@case-journey/reporting';
import type { PackProgress } from './build-board-pack';
import { newPackId, type PackStore, type StoredPack } from './pack-store';

export const BOARD_PACKS_QUEUE = 'board-packs';

export interface PackJob {
  request: PackRequest;
}

/** Where a pack stands: queued or building (with progress), built (with what was stored), or failed. */
export interface PackStatus {
  id: string;
  state: JobState | 'unknown';
  request: PackRequest;
  progress: PackProgress | null;
  /** The stored pack once built: its figures digest and reproducibility check. */
  pack: StoredPack | null;
  failedReason: string | null;
}

/** The board-pack queue as the API reaches it: to ask for a pack and to say where one stands. */
export class BoardPackQueue {
  private opened?: Queue<PackJob>;

  constructor(
    private readonly site: QueueSite,
    /** The API's: how long to wait for the queue to connect before refusing. */
    private readonly options: { readyWithinMs?: number } = {},
  ) {}

  /** Queues a month's pack; its id is the job's and, once built, the stored pack's. */
  async request(request: PackRequest, store: PackStore): Promise<PackStatus> {
    const id = newPackId();
    // A pack asked for while Redis is away is refused now rather than built whenever it comes back.
    if (this.options.readyWithinMs !== undefined) await queueReadyWithin(this.queue, this.options.readyWithinMs);
    await this.queue.add('board-pack', { request }, { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 500 }, removeOnFail: { count: 500 } });
    return (await this.status(id, store))!;
  }

  /**
   * A stored pack answers from the store (it outlives its job); one still being built, from its job.
   * The job is read before the store: a pack is stored before its job completes, so a job read as
   * completed always finds its pack, where the other order could miss a pack stored in between.
   */
  async status(id: string, store: PackStore): Promise<PackStatus | undefined> {
    const job = await this.queue.getJob(id);
    const state = job ? await job.getState() : undefined;
    const stored = await store.get(id);
    if (stored) {
      const { area, month, suppressed, suppression } = stored.stored;
      return { id, state: 'completed', request: { area, month, suppress: suppressed, suppression: suppression ?? undefined }, progress: null, pack: stored.stored, failedReason: null };
    }
    if (!job || !state) return undefined;
    const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as unknown as PackProgress) : null;
    return { id, state, request: job.data.request, progress, pack: null, failedReason: job.failedReason ?? null };
  }

  /** Packs queued or being built, oldest first. */
  async pending(): Promise<PackStatus[]> {
    const jobs = await this.queue.getJobs(['waiting', 'active', 'delayed', 'prioritized'], 0, 99, true);
    return Promise.all(
      jobs.map(async (job) => ({
        id: job.id!,
        state: await job.getState(),
        request: job.data.request,
        progress: typeof job.progress === 'object' ? (job.progress as unknown as PackProgress) : null,
        pack: null,
        failedReason: null,
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await closeBull(opened);
  }

  private get queue(): Queue<PackJob> {
    return (this.opened ??= openQueue<PackJob>(BOARD_PACKS_QUEUE, this.site));
  }
}
