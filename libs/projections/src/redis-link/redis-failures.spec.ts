import { ConnectionClosedError } from 'bullmq';
import { isRedisUnreachable } from './redis-failures';

describe('isRedisUnreachable', () => {
  it.each([
    ['a closed connection', new Error('Connection is closed.')],
    ['a command timed out', new Error('Command timed out')],
    ['a command refused while offline', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:42001'), { code: 'ECONNREFUSED' })],
    ['retries given up', Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' })],
    ["BullMQ's closed connection", new ConnectionClosedError()],
  ])('says yes to %s', (_, error) => {
    expect(isRedisUnreachable(error)).toBe(true);
  });

  it.each([
    ['an error Redis answered', new Error('WRONGTYPE Operation against a key holding the wrong kind of value')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'caseId')")],
    ['something not an error', 'Connection is closed.'],
  ])('says no to %s', (_, error) => {
    expect(isRedisUnreachable(error)).toBe(false);
  });
});
