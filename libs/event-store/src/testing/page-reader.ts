import type { AllSubscription, RecordedEvent } from '../event-store.port';

/** How long a contract waits for a subscription's next page before failing, rather than hanging. */
const PAGE_WAIT_MS = 5000;

/**
 * Pulls the events a contract cares about from a subscription's pages (as a projection takes them),
 * keeping one iterator, and notes every page's size and every position seen; fails after 5 s
 * without a page.
 */
export class PageReader {
  private readonly pages: AsyncIterator<readonly RecordedEvent[]>;
  private readonly kept: RecordedEvent[] = [];
  readonly pageSizes: number[] = [];
  readonly positions: bigint[] = [];

  constructor(
    subscription: AllSubscription,
    private readonly keep: (event: RecordedEvent) => boolean,
  ) {
    this.pages = subscription.pages()[Symbol.asyncIterator]();
  }

  async take(count: number): Promise<RecordedEvent[]> {
    while (this.kept.length < count) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), PAGE_WAIT_MS)));
      const result = await Promise.race([this.pages.next(), timeout]).finally(() => clearTimeout(timer));
      if (result === 'timeout') throw new Error(`no event within 5 s after ${this.kept.length} of ${count}`);
      if (result.done) throw new Error(`subscription ended after ${this.kept.length} of ${count} events`);
      this.pageSizes.push(result.value.length);
      this.positions.push(...result.value.map((event) => event.position));
      this.kept.push(...result.value.filter(this.keep));
    }
    return this.kept.splice(0, count);
  }
}
