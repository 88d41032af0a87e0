import { DEADLINE_RETRY_CAP_MS, deadlineRetryDelay } from './queues';

describe('deadlineRetryDelay', () => {
  it('doubles from a second after each failed attempt', () => {
    expect([1, 2, 3, 4, 9].map(deadlineRetryDelay)).toEqual([1000, 2000, 4000, 8000, 256_000]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(deadlineRetryDelay(10)).toBe(DEADLINE_RETRY_CAP_MS);
    expect(deadlineRetryDelay(10_000)).toBe(DEADLINE_RETRY_CAP_MS);
  });
});
