import type { RecordedEvent } from './event-store.port';
import { eventsOf, pagesOf } from './subscription-pages';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

async function* ready<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const numbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('pagesOf', () => {
  it('given items that are all ready, cuts them into full pages and a last short one', async () => {
    expect(await collect(pagesOf(ready(numbers(7)), 3))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('given an item that arrives later, hands over what had arrived instead of waiting to fill the page', async () => {
    async function* liveFeed(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      await new Promise((resolve) => setTimeout(resolve, 20));
      yield 3;
    }
    expect(await collect(pagesOf(liveFeed(), 10))).toEqual([[1, 2], [3]]);
  });

  it('given an empty source, gives no page', async () => {
    expect(await collect(pagesOf(ready([]), 5))).toEqual([]);
  });
});

describe('eventsOf', () => {
  const event = (position: number) => ({ position: BigInt(position) }) as RecordedEvent;

  it('given pages, gives their events one at a time in order', async () => {
    const pages = [[event(1), event(2)], [event(3)]];
    expect((await collect(eventsOf(ready(pages), () => false))).map((e) => e.position)).toEqual([1n, 2n, 3n]);
  });

  it('given the subscription ended while a page is being handed out, gives none of the page\'s rest', async () => {
    let ended = false;
    const seen: bigint[] = [];
    for await (const { position } of eventsOf(ready([[event(1), event(2), event(3)], [event(4)]]), () => ended)) {
      seen.push(position);
      ended = position === 2n;
    }
    expect(seen).toEqual([1n, 2n]);
  });
});
