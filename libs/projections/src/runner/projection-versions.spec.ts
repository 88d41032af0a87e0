import { currentVersionKey } from './projection-keys';
import { ProjectionVersions } from './projection-versions';
import { RedisTestSpace } from '../testing/redis-test-space';

describe('the version readers use', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  afterAll(() => space.dispose());

  it('is asked of Redis once while it is fresh, not on every read', async () => {
    const versions = new ProjectionVersions(redis, space.prefix, 60_000);
    await redis.set(currentVersionKey(space.prefix, 'kept'), '3');
    expect((await versions.reading('kept')).version).toBe(3);

    // Another process switches: this reader keeps version 3 until its copy is stale.
    await redis.set(currentVersionKey(space.prefix, 'kept'), '4');
    expect((await versions.reading('kept')).version).toBe(3);
    expect((await new ProjectionVersions(redis, space.prefix, 0).reading('kept')).version).toBe(4);
  });

  it('gives the same keys while the reading is kept and new ones once Redis is asked again, so what is kept with them can go with them', async () => {
    await redis.set(currentVersionKey(space.prefix, 'same'), '2');
    const kept = new ProjectionVersions(redis, space.prefix, 60_000);
    expect(await kept.reading('same')).toBe(await kept.reading('same'));
    const askedEachTime = new ProjectionVersions(redis, space.prefix, 0);
    const first = await askedEachTime.reading('same');
    expect(await askedEachTime.reading('same')).not.toBe(first);
    expect((await askedEachTime.reading('same')).base).toBe(first.base);
  });

  it('shares one question among readers that ask at once', async () => {
    const versions = new ProjectionVersions(redis, space.prefix, 60_000);
    const get = jest.spyOn(redis, 'get');
    const answers = await Promise.all([versions.reading('together'), versions.reading('together'), versions.reading('together')]);
    expect(answers.map((keys) => keys.version)).toEqual([1, 1, 1]);
    expect(get).toHaveBeenCalledTimes(1);
    get.mockRestore();
  });

  it('follows its own switch at once', async () => {
    const versions = new ProjectionVersions(redis, space.prefix, 60_000);
    const first = await versions.current('switched');
    expect((await versions.reading('switched')).version).toBe(1);
    await versions.switchTo(first.at(2));
    expect((await versions.reading('switched')).version).toBe(2);
    expect(await redis.get(currentVersionKey(space.prefix, 'switched'))).toBe('2');
  });

  it('asks again after a failed question', async () => {
    const versions = new ProjectionVersions(redis, space.prefix, 60_000);
    const get = jest.spyOn(redis, 'get').mockRejectedValueOnce(new Error('connection lost'));
    await expect(versions.reading('failing')).rejects.toThrow('connection lost');
    await redis.set(currentVersionKey(space.prefix, 'failing'), '5');
    expect((await versions.reading('failing')).version).toBe(5);
    get.mockRestore();
  });
});
