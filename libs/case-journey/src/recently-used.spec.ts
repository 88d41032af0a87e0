import { RecentlyUsed } from './recently-used';

/** A value whose size is its weight. */
const weighing = (weight: number) => ({ weight });
const kept = (bound: number) => new RecentlyUsed<{ weight: number }>(bound, (value) => value.weight);

describe('RecentlyUsed', () => {
  it('given values up to its bound, keeps them all and counts their sizes', () => {
    const values = kept(10);
    values.keep('a', weighing(3));
    values.keep('b', weighing(7)); // 3 + 7 = 10: the bound exactly

    expect(values.size).toEqual({ values: 2, held: 10 });
    expect(values.peek('a')).toEqual(weighing(3));
    expect(values.peek('b')).toEqual(weighing(7));
  });

  it('given a value past its bound, forgets the least recently kept or used first, as many as it takes', () => {
    const values = kept(10);
    values.keep('a', weighing(2));
    values.keep('b', weighing(3));
    values.keep('c', weighing(4));
    values.use('a'); // from least to most recent: b, c, a

    values.keep('d', weighing(6)); // 9 + 6 = 15: b goes (12), then c (8)

    expect(values.peek('b')).toBeUndefined();
    expect(values.peek('c')).toBeUndefined();
    expect(values.peek('a')).toEqual(weighing(2));
    expect(values.size).toEqual({ values: 2, held: 8 });
  });

  it('given a value only peeked at, forgets it before one kept since', () => {
    const values = kept(10);
    values.keep('a', weighing(4));
    values.keep('b', weighing(4));
    values.peek('a'); // still the least recent

    values.keep('c', weighing(4)); // 12: a goes

    expect(values.peek('a')).toBeUndefined();
    expect(values.size).toEqual({ values: 2, held: 8 });
  });

  it('given a key kept again, counts it once at its new size, as the most recent', () => {
    const values = kept(10);
    values.keep('a', weighing(2));
    values.keep('b', weighing(2));
    values.keep('a', weighing(6)); // 6 + 2 = 8; b is now the least recent

    expect(values.size).toEqual({ values: 2, held: 8 });
    values.keep('c', weighing(3)); // 11: b goes
    expect(values.peek('b')).toBeUndefined();
    expect(values.size).toEqual({ values: 2, held: 9 });
  });

  it('given a value larger than the whole bound, keeps it not, forgets what its key held and nothing else', () => {
    const values = kept(10);
    values.keep('a', weighing(4));
    values.keep('b', weighing(4));

    values.keep('a', weighing(11));

    expect(values.peek('a')).toBeUndefined();
    expect(values.peek('b')).toEqual(weighing(4));
    expect(values.size).toEqual({ values: 1, held: 4 });
  });

  it('given a value of size 0, keeps it not and forgets what its key held', () => {
    const values = kept(10);
    values.keep('a', weighing(4));

    values.keep('a', weighing(0));

    expect(values.peek('a')).toBeUndefined();
    expect(values.size).toEqual({ values: 0, held: 0 });
  });

  it('given a bound of 0, keeps nothing', () => {
    const values = kept(0);
    values.keep('a', weighing(1));

    expect(values.use('a')).toBeUndefined();
    expect(values.size).toEqual({ values: 0, held: 0 });
    values.forget('a'); // and forgetting is harmless
  });

  it('given a key forgotten, gives it back no more and counts its size no more', () => {
    const values = kept(10);
    values.keep('a', weighing(4));
    values.keep('b', weighing(5));

    values.forget('a');

    expect(values.use('a')).toBeUndefined();
    expect(values.size).toEqual({ values: 1, held: 5 });
  });
});
