import { LRUCache } from 'lru-cache';

/**
 * Values by key up to `bound` in all, each counted by `sizeOf` (a whole number), the least recently
 * used forgotten first: lru-cache's `maxSize`, with each value's size given as it is kept. A value
 * larger than the whole bound, or of size 0 (nothing worth keeping, and no size lru-cache counts), is
 * not kept and the key's value before it is forgotten; a bound of 0 keeps nothing (lru-cache wants a
 * bound above 0).
 */
export class RecentlyUsed<V extends object> {
  private readonly cache: LRUCache<string, V> | undefined;

  constructor(
    bound: number,
    private readonly sizeOf: (value: V) => number,
  ) {
    this.cache = bound > 0 ? new LRUCache({ maxSize: bound }) : undefined;
  }

  /** The key's value, which is now the most recently used. */
  use(key: string): V | undefined {
    return this.cache?.get(key);
  }

  /** The key's value, used no more recently than it was. */
  peek(key: string): V | undefined {
    return this.cache?.peek(key);
  }

  /** Keeps the value as the most recently used, forgetting the least recently used past the bound. */
  keep(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > 0) this.cache?.set(key, value, { size });
    else this.forget(key);
  }

  forget(key: string): void {
    this.cache?.delete(key);
  }

  /** How many values are kept, and their sizes' sum. */
  get size(): { values: number; held: number } {
    return { values: this.cache?.size ?? 0, held: this.cache?.calculatedSize ?? 0 };
  }
}
