import { readModelSnapshot } from '../testing/read-model-snapshot';
import { RedisTestSpace } from '../testing/redis-test-space';
import { BatchWrites } from './batch-writes';
import { ProjectionKeys } from './projection-keys';

/** The same calls made on a BatchWrites and, one by one in order, on a MULTI. */
type Call = ['set', string, string] | ['sadd' | 'srem' | 'zrem' | 'hdel', string, string] | ['zadd', string, number, string] | ['hset' | 'hsetnx', string, string, string] | ['hincrby', string, string, number];

const CALLS: Call[] = [
  ['set', 'doc', 'first'],
  ['set', 'doc', 'second'],
  ['sadd', 'set', 'a'],
  ['sadd', 'set', 'b'],
  ['srem', 'set', 'a'],
  ['srem', 'set', 'kept-before'],
  ['sadd', 'set', 'kept-before'],
  ['srem', 'set', 'old'],
  ['zadd', 'zset', 5, 'a'],
  ['zadd', 'zset', 7, 'a'],
  ['zadd', 'zset', 1, 'b'],
  ['zrem', 'zset', 'b'],
  ['zrem', 'zset', 'old'],
  ['hset', 'hash', 'f', '1'],
  ['hdel', 'hash', 'f'],
  ['hset', 'hash', 'g', '2'],
  ['hset', 'hash', 'g', '3'],
  ['hdel', 'hash', 'old'],
  ['hsetnx', 'names', 'x', 'first'],
  ['hsetnx', 'names', 'x', 'second'],
  ['hsetnx', 'names', 'held', 'new'],
  ['hset', 'names', 'y', 'set'],
  ['hsetnx', 'names', 'y', 'ignored'],
  ['hsetnx', 'names', 'z', 'dropped'],
  ['hdel', 'names', 'z'],
  ['hincrby', 'counts-a', 'one', 1],
  ['hincrby', 'counts-a', 'one', 2],
  ['hincrby', 'counts-a', 'held', -1],
  ['hincrby', 'counts-b', 'one', 1],
  ['hincrby', 'counts-b', 'one', -1],
];

describe('BatchWrites', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  afterAll(() => space.dispose());

  const given = async (keys: ProjectionKeys) => {
    await redis.sadd(keys.key('set'), 'old', 'kept-before');
    await redis.zadd(keys.key('zset'), 3, 'old');
    await redis.hset(keys.key('hash'), 'old', 'x');
    await redis.hset(keys.key('names'), 'held', 'before');
    await redis.hset(keys.key('counts-a'), 'held', '4');
  };

  async function oneByOne(keys: ProjectionKeys): Promise<void> {
    const transaction = redis.multi();
    for (const [command, key, ...args] of CALLS) (transaction[command] as (...all: unknown[]) => unknown).call(transaction, keys.key(key), ...args);
    await transaction.exec();
  }

  async function batched(keys: ProjectionKeys): Promise<number> {
    const writes = new BatchWrites();
    for (const [command, key, ...args] of CALLS) (writes[command] as (...all: unknown[]) => unknown).call(writes, keys.key(key), ...args);
    const transaction = redis.multi();
    writes.sendInto(transaction);
    const queued = transaction.length - 1; // the MULTI itself is queued first
    await transaction.exec();
    return queued;
  }

  it('given the same calls, leaves Redis holding exactly what they leave sent one by one', async () => {
    const sequential = new ProjectionKeys(space.prefix, 'one-by-one', 1);
    const gathered = new ProjectionKeys(space.prefix, 'batched', 1);
    await given(sequential);
    await given(gathered);

    await oneByOne(sequential);
    await batched(gathered);

    const expected = await readModelSnapshot(redis, sequential);
    expect(await readModelSnapshot(redis, gathered)).toEqual(expected);
    // Worked out by hand, so that both being wrong the same way would show.
    expect(expected).toEqual({
      doc: 'second',
      set: ['b', 'kept-before'],
      zset: ['a', '7'],
      hash: { g: '3' },
      names: { held: 'before', x: 'first', y: 'set' },
      'counts-a': { held: '3', one: '3' },
    });
    // The snapshot leaves out counters at zero; the field is there all the same, as one by one.
    expect(await redis.hget(gathered.key('counts-b'), 'one')).toBe('0');
  });

  it.each([0, 10, 19, 26, CALLS.length])(
    'given the calls gathered in two parts, split after %i, the second posted as a thread posts it, when added to the first, leaves what they leave sent one by one',
    async (split) => {
      const sequential = new ProjectionKeys(space.prefix, `in-order-${split}`, 1);
      const joined = new ProjectionKeys(space.prefix, `joined-${split}`, 1);
      await given(sequential);
      await given(joined);
      const gathered = (calls: Call[]) => {
        const writes = new BatchWrites();
        for (const [command, key, ...args] of calls) (writes[command] as (...all: unknown[]) => unknown).call(writes, joined.key(key), ...args);
        return writes;
      };

      await oneByOne(sequential);
      const writes = gathered(CALLS.slice(0, split)).add(structuredClone(gathered(CALLS.slice(split)).parts()));
      const transaction = redis.multi();
      writes.sendInto(transaction);
      await transaction.exec();

      expect(await readModelSnapshot(redis, joined)).toEqual(await readModelSnapshot(redis, sequential));
    },
  );

  it('given thirty calls on seven keys, queues one command per key and kind of change, and one for every counter', async () => {
    const queued = await batched(new ProjectionKeys(space.prefix, 'counted', 1));
    // MSET; set: SADD, SREM; zset: ZADD, ZREM; hash: HSET, HDEL; names: HSET (y), HDEL (z), HSETNX x, HSETNX held; counters: one EVAL.
    expect(queued).toBe(1 + 2 + 2 + 2 + 4 + 1);
  });

  it('refuses a hash both counted and set in one batch', () => {
    const writes = new BatchWrites().hincrby('k', 'f', 1).hset('k', 'g', 'v');
    expect(() => writes.sendInto(redis.multi())).toThrow('k is both counted and set in one batch');
  });
});
