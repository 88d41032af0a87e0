import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfiguration } from '@case-journey/platform';
import { bullConnection, bullPrefix, failFastConnection, isRedisUnreachable, RedisLinkState, type QueueSite } from '@case-journey/projections';

/** Anything that reports its Redis errors as 'error' events: an ioredis client, a BullMQ queue or worker. */
export interface RedisErrorSource {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The worker's view of Redis. Every connection of the worker hands its errors here instead of
 * leaving them unhandled (ioredis and BullMQ print each reconnection attempt of each connection
 * otherwise: hundreds of lines in seconds). A probe PINGs Redis every REDIS_LOSS_CHECK_MS, and at once
 * after a connection error, and the log says one line when Redis stops answering and one when it
 * answers again. Whoever must check something each time Redis answers (the loss of its data) listens.
 */
@Injectable()
export class RedisLink implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly state = new RedisLinkState();
  private readonly probe: Redis;
  private readonly listeners: Array<() => Promise<void>> = [];
  private timer?: NodeJS.Timeout;
  private probing?: Promise<void>;
  /** The listeners told of the last answer, while they run: an answer meanwhile is not told again. */
  private answered?: Promise<void>;
  private closed = false;

  constructor(@Inject(AppConfiguration) private readonly configuration: AppConfiguration) {
    // A busy Redis, or a busy worker, is not a lost one: the probe waits at least 2 s for its answer.
    const { url, ...options } = failFastConnection(configuration.redisUrl, Math.max(2000, configuration.redisReadTimeoutMs));
    this.probe = new Redis(url, { ...options, lazyConnect: true, connectionName: 'case-journey-worker-probe' });
    this.watch(this.probe);
  }

  get answering(): boolean {
    return this.state.answering;
  }

  /** Takes over a connection's error events. */
  watch<T extends RedisErrorSource>(source: T): T {
    source.on('error', (error) => {
      if (!isRedisUnreachable(error)) {
        this.logger.warn(`Redis error: ${error.message}`);
        return;
      }
      this.state.connectionFailed();
      if (this.state.answering) void this.check();
    });
    return source;
  }

  /** Where the worker's BullMQ queues and workers connect; each queue opened there hands its errors here. */
  queueSite(): Required<QueueSite> {
    return { connection: bullConnection(this.configuration.redisUrl), prefix: bullPrefix(this.configuration.redisKeyPrefix), onOpen: (queue) => void this.watch(queue) };
  }

  /** Runs `listener` after each probe Redis answered (one at a time, never overlapping; an answer while they run is not told). */
  onAnswer(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.closed) return;
      void this.check().finally(() => {
        if (!this.closed) this.timer = setTimeout(tick, this.configuration.redisLossCheckMs);
      });
    };
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.probing;
    await this.answered;
    this.probe.disconnect();
  }

  /** One probe at a time: a check asked for while one runs is that one. */
  check(): Promise<void> {
    return (this.probing ??= this.probeOnce().finally(() => (this.probing = undefined)));
  }

  private async probeOnce(): Promise<void> {
    try {
      if (this.probe.status === 'wait') await this.probe.connect();
      await this.probe.ping();
    } catch (error) {
      const change = this.state.probeFailed(error instanceof Error ? error.message : String(error), Date.now());
      if (change?.kind === 'lost') this.logger.warn(`Redis cannot be reached (${change.why}): projections, deadline jobs and webhooks wait for it and go on when it answers`);
      return;
    }
    const change = this.state.probeAnswered(Date.now());
    if (change?.kind === 'back') this.logger.log(`Redis answers again after ${(change.downForMs / 1000).toFixed(1)} s (${change.connectionErrors} connection errors meanwhile, not logged one by one)`);
    // Not awaited by the probe: a listener's command in flight when Redis goes waits for it to come
    // back, and the probes must go on meanwhile, or the outage would be neither noticed nor told.
    this.answered ??= this.tellListeners().finally(() => (this.answered = undefined));
  }

  private async tellListeners(): Promise<void> {
    for (const listener of this.listeners) {
      await listener().catch((error: unknown) => this.logger.error(`After Redis answered: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}
