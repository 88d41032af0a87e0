import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import { catchingUpKey, currentVersionKey, LeaseLostError, leaseTimings, ProjectionLease, ProjectionRunner, ProjectionStoppedError, VersionRetiredError, ProjectionVersions, type Projection, type ProjectionKeys } from '@case-journey/projections';
import { RedisConnections } from './redis-connections';
import { WORKER_PROJECTIONS } from './worker-projections';

/**
 * Runs one live runner per projection, on the version readers use, from the worker's start to its
 * shutdown; a rebuild hands it the runner of the new version when it switches. Every worker process
 * runs one, and each runner holds its version's lease to apply events: one worker owns each
 * projection, the others stand by and take over within PROJECTION_LEASE_MS of its death.
 */
@Injectable()
export class ProjectionSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectionSupervisor.name);
  private readonly live = new Map<string, ProjectionRunner>();
  /** Every runner made, live or still rebuilding, with its connection. */
  private readonly runners = new Map<ProjectionRunner, Redis>();
  /** Runners that stopped for good (their version retired or lost): they follow nothing any more. */
  private readonly stopped = new Set<ProjectionRunner>();
  private readonly following = new Map<string, Promise<void>>();
  private lossCheck?: Redis;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKER_PROJECTIONS) private readonly projections: Projection[],
    private readonly connections: RedisConnections,
    private readonly versions: ProjectionVersions,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const projection of this.projections) {
      const keys = await this.versions.current(projection.name);
      const runner = this.runnerFor(projection.name, keys);
      this.live.set(projection.name, runner);
      await this.markCatchingUpFromTheStart(runner, 'its first start on this Redis');
      runner.start();
      this.logger.log(`Projection ${projection.name} v${runner.keys.version} following the event log`);
    }
  }

  /**
   * Redis lost a projection's data (its `current` pointer, or the checkpoint of the version a runner
   * had committed to, is gone: a FLUSHALL, a Redis restarted empty) while the log holds events: the
   * projection is followed again from the start of the log, live, so its read models and deadline
   * jobs come back, and /health says degraded until it has caught up. Called each time Redis answers.
   */
  async recoverLostProjections(): Promise<void> {
    this.lossCheck ??= this.connections.open('loss-check');
    for (const [name, runner] of this.live) {
      if (runner.position === undefined) continue; // has committed nothing yet: nothing to lose
      const [current, checkpoint] = await this.lossCheck.mget(currentVersionKey(runner.keys.prefix, name), runner.keys.checkpoint);
      if (current !== null && (checkpoint !== null || Number(current) !== runner.keys.version)) continue;
      this.logger.warn(`Projection ${name}: Redis lost its ${current === null ? 'current pointer' : 'checkpoint'}; following the log again from its start`);
      await runner.stop();
      this.stopped.add(runner);
      await this.followCurrent(name);
    }
  }

  /** While a runner replays the log from its start, /health is degraded: `{prefix}:{projection}:catching-up` holds where the log ended. */
  private async markCatchingUpFromTheStart(runner: ProjectionRunner, why: string): Promise<void> {
    const redis = this.runners.get(runner)!;
    if ((await redis.exists(runner.keys.checkpoint)) === 1) return;
    const [head] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    if (!head) return;
    const marker = catchingUpKey(runner.keys.prefix, runner.keys.projection);
    await redis.set(marker, head.position.toString());
    this.logger.log(`Projection ${runner.keys.projection} v${runner.keys.version}: catching up from the start of the log (${why}) to position ${head.position}; /health is degraded until then`);
    void runner.reached(head.position).then(async () => {
      await redis.del(marker);
      this.logger.log(`Projection ${runner.keys.projection} v${runner.keys.version}: caught up with position ${head.position}`);
    }, () => undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.runners.keys()].map((runner) => runner.stop()));
  }

  projection(name: string): Projection {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new RangeError(`No projection named ${name} (known: ${this.names().join(', ')})`);
    return projection;
  }

  names(): string[] {
    return this.projections.map((projection) => projection.name);
  }

  /** A runner for one version of a projection, not started. */
  runnerFor(name: string, keys: ProjectionKeys): ProjectionRunner {
    const redis = this.connections.open(`${name}-v${keys.version}`);
    const runner = new ProjectionRunner({
      store: this.store,
      redis,
      projection: this.projection(name),
      keys,
      clock: this.clock,
      onCommit: (batch) => this.metrics.projectionEvents.inc({ projection: batch.projection }, batch.events),
      lease: new ProjectionLease(keys, leaseTimings(this.configuration.projectionLeaseMs), `${hostname()}/${process.pid}`),
      onLease: (held) => {
        this.metrics.leaseHeld.set({ projection: name }, held ? 1 : 0);
        if (held) this.metrics.leaseAcquired.inc({ projection: name });
        this.logger.log(`Projection ${name} v${keys.version}: ${held ? 'lease taken, applying events' : 'lease given up, standing by'}`);
      },
      onError: (error) => {
        if (error instanceof LeaseLostError) return this.logger.warn(`Projection ${name} v${keys.version}: ${error.message}; standing by`);
        this.logger.error(`Projection ${name} v${keys.version}: ${error instanceof Error ? error.message : String(error)}${error instanceof ProjectionStoppedError ? '' : '; following again'}`);
        if (error instanceof VersionRetiredError) {
          this.stopped.add(runner);
          this.followCurrent(name).catch((failure: unknown) => this.logger.error(`Projection ${name}: could not follow its current version: ${String(failure)}`));
        }
      },
    });
    this.runners.set(runner, redis);
    return runner;
  }

  /**
   * A rebuild (in this worker or another) retired a version this worker ran: follow the version
   * readers use now, unless a runner of this worker already follows it (this worker's own rebuild
   * hands its runner over itself).
   */
  private followCurrent(name: string): Promise<void> {
    // One at a time per projection: a runner stopping on its own and the loss check may both ask.
    const next = (this.following.get(name) ?? Promise.resolve()).then(async () => {
      const keys = await this.versions.current(name);
      const following = (runner: ProjectionRunner) => !this.stopped.has(runner) && runner.keys.projection === name && runner.keys.version >= keys.version;
      if ([...this.runners.keys()].some(following)) return;
      const runner = this.runnerFor(name, keys);
      await this.markCatchingUpFromTheStart(runner, 'Redis lost its data');
      runner.start();
      await this.handOver(runner);
    });
    this.following.set(name, next.catch(() => undefined));
    return next;
  }

  /** Makes `runner` the live one for its projection, stopping the one it replaces. */
  async handOver(runner: ProjectionRunner): Promise<void> {
    const previous = this.live.get(runner.keys.projection);
    this.live.set(runner.keys.projection, runner);
    if (!previous) return;
    await previous.stop();
    await this.connections.close(this.runners.get(previous)!);
    this.runners.delete(previous);
    this.stopped.delete(previous);
    this.logger.log(`Projection ${runner.keys.projection} now live at v${runner.keys.version}`);
  }
}
