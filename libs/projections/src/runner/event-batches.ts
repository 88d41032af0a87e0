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
    // Each wait ends at the next item or at the turn's end, whichever comes first. One promise an
    // item: Promise.race made several, and left one more reaction on the turn's end for each item
    // (2,000 a catch-up batch).
    let wake: ((arrived: IteratorResult<T> | typeof NOT_YET) => void) | undefined;
    let turnEnded = false;
    const turn = setImmediate(() => {
      turnEnded = true;
      wake?.(NOT_YET);
    });
    while (batch.length < maxSize) {
      const pending = next;
      const arrived = await new Promise<IteratorResult<T> | typeof NOT_YET>((resolve, reject) => {
        if (turnEnded) return resolve(NOT_YET);
        wake = resolve;
        pending.then(resolve, reject);
      });
      if (arrived === NOT_YET) break;
      if (arrived.done) {
        clearImmediate(turn);
        yield batch;
        return;
      }
      batch.push(arrived.value);
      next = iterator.next();
    }
    clearImmediate(turn);
    yield batch;
  }
}
