import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from '../support/free-port';

/**
 * A redis-server of a test's own, on its own port, for what must not be done to the shared one:
 * stopping it, flushing it. Nothing is saved unless the test says so (`stop({ save: true })`); a
 * restart then loads what was saved, as a Redis restarted after an outage does.
 */
export class PrivateRedis {
  private server?: ChildProcess;
  private readonly directory = mkdtempSync(join(tmpdir(), 'private-redis-'));

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** On the port given, or on a free one: a fixed port clashes with another run of the same test, or with a server a killed run left behind. */
  static async start(port?: number): Promise<PrivateRedis> {
    const redis = new PrivateRedis(port ?? (await freePort()));
    await redis.restart();
    return redis;
  }

  /** Starts the server again (a no-op while it runs), with what it saved when it stopped, if anything. */
  async restart(): Promise<void> {
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) return;
    const server = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.directory], { stdio: 'ignore' });
    this.server = server;
    // No disconnect timeout: disconnecting after a refused attempt would otherwise hold a 2 s timer, and the test's process with it.
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, disconnectTimeout: 0 });
    client.on('error', () => undefined); // refused until the server listens: each attempt's error is handled below
    const deadline = Date.now() + 5000;
    for (;;) {
      try {
        await client.connect();
        const answering = /process_id:(\d+)/.exec(await client.info('server'))?.[1];
        client.disconnect();
        if (answering !== String(server.pid)) throw new Error(`another redis-server (pid ${answering}) holds port ${this.port}`);
        return;
      } catch (error) {
        client.disconnect();
        if (Date.now() > deadline || server.exitCode !== null) throw new Error(`redis-server on ${this.port} did not start: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  /** Stops the server (saving its data first when asked) and waits until it is gone. */
  async stop({ save = false } = {}): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    if (save) {
      const client = new Redis(this.url, { maxRetriesPerRequest: 0 });
      await client.call('SHUTDOWN', 'SAVE').catch(() => undefined); // the connection closes as it answers
      client.disconnect();
    } else {
      server.kill('SIGKILL');
    }
    await exited;
    this.server = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
