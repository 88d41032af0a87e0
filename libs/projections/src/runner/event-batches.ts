import { setImmediate as nextTurn } from 'node:timers/promises';

const NOT_YET = Symbol('not yet');

/**
 * Groups what an async source delivers into batches: up to `maxSize` items, or whatever has
 * arrived by the end of the current turn of the event loop. A batch is never empty, and a lone
 * live event is not held back waiting for company.
 */
export async function* batchesOf<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  for (;;) {
    const first = await next;
    if (first.done) return;
    const batch = [first.value];
    next = iterator.next();
    const turnEnds = nextTurn(NOT_YET);
    while (batch.length < maxSize) {
      const arrived = await Promise.race([next, turnEnds]);
      if (arrived === NOT_YET) break;
      if (arrived.done) {
        yield batch;
        return;
      }
      batch.push(arrived.value);
      next = iterator.next();
    }
    yield batch;
  }
}
