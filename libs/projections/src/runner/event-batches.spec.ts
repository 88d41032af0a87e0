import { batchesOf } from './event-batches';

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[][]> {
  const batches: T[][] = [];
  for await (const batch of source) batches.push(batch);
  return batches;
}

async function* ready(count: number): AsyncGenerator<number> {
  for (let i = 1; i <= count; i++) yield i;
}

describe('batchesOf', () => {
  it('given items that are all ready, cuts them into full batches and a last short one', async () => {
    const batches = await collect(batchesOf(ready(7), 3));
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('given an item that arrives later, hands over what had arrived instead of waiting to fill the batch', async () => {
    async function* liveFeed(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      await new Promise((resolve) => setTimeout(resolve, 20));
      yield 3;
    }
    expect(await collect(batchesOf(liveFeed(), 10))).toEqual([[1, 2], [3]]);
  });

  it('given an empty source, gives no batch', async () => {
    expect(await collect(batchesOf(ready(0), 5))).toEqual([]);
  });
});
