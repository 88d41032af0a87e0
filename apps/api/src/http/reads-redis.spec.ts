import { RedisUnavailableError } from '@case-journey/projections';
import { withinReadBound } from './reads-redis';

describe('withinReadBound (the read bound a hot read route keeps itself)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('given work that answers, gives its answer and leaves no timer behind', async () => {
    await expect(withinReadBound(500, async () => 'the timeline')).resolves.toBe('the timeline');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('given work that fails, gives its error as it is, for the problem filter to name', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    await expect(withinReadBound(500, () => Promise.reject(refused))).rejects.toBe(refused);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('given work that never answers, refuses with Redis unavailable once the bound passes, and not before', async () => {
    let settled = false;
    const bounded = withinReadBound(500, () => new Promise<never>(() => undefined)).finally(() => (settled = true));
    bounded.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(bounded).rejects.toThrow(RedisUnavailableError);
    await expect(bounded).rejects.toThrow('no answer within 500 ms');
  });
});
