import { StreamNotFoundError } from './event-store.errors';

describe('StreamNotFoundError', () => {
  it('names the stream, and is made without a stack, leaving the stack of every other error as it was', () => {
    const limit = Error.stackTraceLimit;
    const error = new StreamNotFoundError('case-1');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'StreamNotFoundError', streamId: 'case-1', message: 'Stream case-1 not found' });
    expect(error.stack).toBe('StreamNotFoundError: Stream case-1 not found');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('other').stack).toMatch(/\n\s+at /);
  });
});
