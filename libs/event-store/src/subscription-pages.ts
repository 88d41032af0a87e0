import type { RecordedEvent } from './event-store.port';

const NOT_YET = Symbol('not yet');

/**
 * Groups what an async source delivers into pages: up to `maxSize` items, or whatever has
 * arrived by the end of the current turn of the event loop. A page is never empty, and a lone
 * live event is not held back waiting for company.
 */
export async function* pagesOf<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  for (;;) {
    const first = await next;
    if (first.done) return;
    const page = [first.value];
    next = iterator.next();
    // Each wait ends at the next item or at the turn's end, whichever comes first. One promise an
    // item: Promise.race made several, and left one more reaction on the turn's end for each item.
    let wake: ((arrived: IteratorResult<T> | typeof NOT_YET) => void) | undefined;
    let turnEnded = false;
    const turn = setImmediate(() => {
      turnEnded = true;
      wake?.(NOT_YET);
    });
    while (page.length < maxSize) {
      const pending = next;
      const arrived = await new Promise<IteratorResult<T> | typeof NOT_YET>((resolve, reject) => {
        if (turnEnded) return resolve(NOT_YET);
        wake = resolve;
        pending.then(resolve, reject);
      });
      if (arrived === NOT_YET) break;
      if (arrived.done) {
        clearImmediate(turn);
        yield page;
        return;
      }
      page.push(arrived.value);
      next = iterator.next();
    }
    clearImmediate(turn);
    yield page;
  }
}

/**
 * A subscription's pages one event at a time, for a consumer that takes events singly: it stops
 * mid-page once `ended` says the subscription was ended, as a store delivering singly would.
 */
export async function* eventsOf(pages: AsyncIterable<readonly RecordedEvent[]>, ended: () => boolean): AsyncGenerator<RecordedEvent> {
  for await (const page of pages) {
    for (const event of page) {
      yield event;
      if (ended()) return;
    }
  }
}
