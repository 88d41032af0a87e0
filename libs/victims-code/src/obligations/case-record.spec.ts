import { inOrder } from './case-record';

describe('inOrder', () => {
  const byAt = (a: { at: number }, b: { at: number }) => a.at - b.at;

  it('given a list out of order, sorts it in place, keeping the order of items that compare equal', () => {
    const list = [
      { at: 3, name: 'c' },
      { at: 1, name: 'a' },
      { at: 3, name: 'd' },
      { at: 2, name: 'b' },
    ];
    expect(inOrder(list, byAt)).toBe(list);
    expect(list.map(({ name }) => name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('given a list in order, equal items included, leaves it as it is', () => {
    const list = [
      { at: 1, name: 'a' },
      { at: 1, name: 'b' },
      { at: 2, name: 'c' },
    ];
    expect(inOrder(list, byAt).map(({ name }) => name)).toEqual(['a', 'b', 'c']);
  });
});
