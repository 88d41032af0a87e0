import { setImmediate as nextTurnOfTheEventLoop } from 'node:timers/promises';
import type { AllSubscription, RecordedEvent } from '../event-store.port';
import { eventsOf } from '../subscription-pages';

export interface PollingOptions {
  /** Pause between looks at the log once caught up; how soon another process's writes are seen. */
  pollIntervalMs: number;
  /** Events read per query, so catching up never holds the whole log in memory. */
  batchSize: number;
}

type ReadAfter = (position: bigint, maxCount: number) => RecordedEvent[];

/**
 * Catch-up and live are one loop: read a batch after the checkpoint, deliver it as one page, and
 * once a batch comes back short (the tail reached) sleep until the poll interval passes or a local
 * append rings. Writes of other processes are only seen by polling; local ones at once.
 * Events are read when the consumer pulls, so a slow consumer never piles events up; between
 * full batches the loop lets I/O run, so catching up on a long log never stalls the process.
 */
export class PollingAllSubscription implements AllSubscription {
  private checkpoint: bigint;
  private ended = false;
  private rung = false;
  private stopSleeping: (() => void) | undefined;
  private readonly iteration: AsyncGenerator<readonly RecordedEvent[]>;
  private events: AsyncGenerator<RecordedEvent> | undefined;

  constructor(
    private readonly readAfter: ReadAfter,
    after: bigint | undefined,
    private readonly options: PollingOptions,
    private readonly onEnd: (subscription: PollingAllSubscription) => void,
  ) {
    this.checkpoint = after ?? 0n;
    this.iteration = this.deliver();
  }

  pages(): AsyncIterable<readonly RecordedEvent[]> {
    return this.iteration;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return (this.events ??= eventsOf(this.iteration, () => this.ended));
  }

  /** New events were committed in this process: look now instead of at the next poll. */
  ring(): void {
    this.rung = true;
    this.stopSleeping?.();
  }

  async unsubscribe(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.stopSleeping?.();
    this.onEnd(this);
  }

  private async *deliver(): AsyncGenerator<readonly RecordedEvent[]> {
    try {
      while (!this.ended) {
        this.rung = false;
        const batch = this.readAfter(this.checkpoint, this.options.batchSize);
        if (batch.length > 0) {
          this.checkpoint = batch[batch.length - 1].position;
          yield batch;
          if (this.ended) return;
        }
        if (batch.length === this.options.batchSize) await nextTurnOfTheEventLoop();
        else if (!this.rung) await this.sleep();
      }
    } finally {
      await this.unsubscribe();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.stopSleeping?.(), this.options.pollIntervalMs);
      this.stopSleeping = () => {
        clearTimeout(timer);
        this.stopSleeping = undefined;
        resolve();
      };
    });
  }
}
