import { createServer } from 'node:net';
import { Worker } from 'bullmq';
import { bullConnection, closeBull } from './queues';

/** A port nothing listens on: taken from the system, then given back. */
async function silentPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('closeBull', () => {
  it('given a worker whose Redis is away (ioredis between two reconnection attempts), when closed, then the close ends with its connections dropped', async () => {
    const worker = new Worker('close-probe', async () => undefined, { connection: bullConnection(`redis://127.0.0.1:${await silentPort()}`) });
    worker.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a first connection refused
    const dropped = jest.spyOn(worker, 'getBackend');
    await closeBull(worker, { limitMs: 200 });
    expect(dropped).toHaveBeenCalled();
    expect(worker.getBackend().closing).toBeTruthy();
  }, 20_000);

  it('given a worker on a Redis that answers, when closed, then it closes itself and nothing is dropped', async () => {
    const worker = new Worker('close-probe', async () => undefined, { connection: bullConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), prefix: `cjtest-close-${process.pid}` });
    await worker.waitUntilReady();
    const dropped = jest.spyOn(worker, 'getBackend');
    await closeBull(worker, { limitMs: 15_000 });
    expect(dropped).not.toHaveBeenCalled();
    expect(worker.isRunning()).toBe(false);
  }, 20_000);
});
