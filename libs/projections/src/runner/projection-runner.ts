import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { AllSubscription, EventStore, RecordedEvent } from '@case-journey/event-store';
import type { Clock } from '@case-journey/platform';
import type { AfterCommit, BatchContext, Projection } from './projection';
import { currentVersionKey, type ProjectionKeys } from './projection-keys';
import { LeaseLostError, type ProjectionLease } from './projection-lease';
import { readCheckpoint } from './projection-progress';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** A connection of the runner's own: WATCH state is per connection. */
  redis: Redis;
  projection: Projection;
  keys: ProjectionKeys;
  clock: Clock;
  /** Most events applied in one transaction (a batch never spans two of the subscription's pages). Default: the projection's own `batchSize`, or 500. */
  batchSize?: number;
  /** Pause before following again after a failure. Default 1000 ms. */
  retryDelayMs?: number;
  onError?: (error: unknown) => void;
  onCommit?: (commit: CommittedBatch) => void;
  /**
   * Set when several worker processes may run this version: the runner applies events only while it
   * holds the lease, and stands by (trying to take it) otherwise.
   */
  lease?: ProjectionLease;
  /** Told when the runner takes (true) or loses or gives up (false) its lease. */
  onLease?: (held: boolean) => void;
}

export interface CommittedBatch {
  projection: string;
  version: number;
  events: number;
  checkpoint: bigint;
}

/** A batch's instant and what the projection prepared of it at that instant. */
interface Prepared {
  now: Date;
  work: unknown;
}

/** A batch whose MULTI/EXEC is sent: Redis's answer, and what the projection does once it is committed. */
interface Sent {
  answer: Promise<{ results: [Error | null, unknown][] | null } | { error: unknown }>;
  afterCommit: AfterCommit | undefined;
}

/** Someone else committed this projection version since we last did: follow again from their checkpoint. */
class CheckpointMovedError extends Error {}

const DROPPED = 'its checkpoint is gone (the version was dropped)';

/** Why a runner stopped on its own: following again would do harm. */
export class ProjectionStoppedError extends Error {}

/**
 * A command of a batch's EXEC failed. Redis does not roll a MULTI back: the rest of the batch, its
 * checkpoint included, may be stored, so following again would skip what failed. The runner stops.
 */
export class PartialCommitError extends ProjectionStoppedError {
  constructor(
    readonly keys: ProjectionKeys,
    readonly through: bigint,
    readonly failures: Error[],
  ) {
    super(`${keys.base}: ${failures.length} command(s) of the batch through ${through} failed and the rest may be stored (${failures[0].message}); stopped, a rebuild is needed`);
  }
}

/**
 * Readers moved to a later version (a rebuild, maybe in another worker) or this version's keys were
 * dropped: following on would only write into keys nobody reads, or replay the log into them.
 */
export class VersionRetiredError extends ProjectionStoppedError {
  constructor(keys: ProjectionKeys, why: string) {
    super(`${keys.base}: ${why}; stopped`);
  }
}

/**
 * Follows the global log for one version of one projection: from its checkpoint, in batches, each
 * batch's read-model changes and its checkpoint committed in one MULTI/EXEC guarded by WATCH. A
 * crash loses the batch in flight and nothing else; the next start applies it again.
 */
export class ProjectionRunner {
  private checkpoint: bigint | undefined;
  private subscription: AllSubscription | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly waiters = new Set<{ position: bigint; resolve: () => void }>();
  private readonly options: Required<Omit<ProjectionRunnerOptions, 'onError' | 'onCommit' | 'lease' | 'onLease'>> & ProjectionRunnerOptions;
  /** The lease's own connection: renewals go on while a long batch is applied on the runner's. */
  private leaseRedis: Redis | undefined;
  private renewal: NodeJS.Timeout | undefined;
  private leaseHeld = false;
  private standby: AbortController | undefined;
  /** The batch whose EXEC was sent last, until it is committed: resolves to what stopped it, if anything did. */
  private inFlight: Promise<unknown> | undefined;

  constructor(options: ProjectionRunnerOptions) {
    this.options = { retryDelayMs: 1000, ...options, batchSize: options.batchSize ?? options.projection.batchSize ?? 500 };
  }

  get keys(): ProjectionKeys {
    return this.options.keys;
  }

  /** The position of the last event committed, once the runner has read or written it. */
  get position(): bigint | undefined {
    return this.checkpoint;
  }

  start(): void {
    this.stopped = false;
    this.running ??= this.follow();
  }

  /** Stops following; the batch in flight is committed first. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.standby?.abort();
    await this.subscription?.unsubscribe();
    await this.running;
    this.running = undefined;
  }

  /**
   * Resolves when the runner stops following: after `stop()`, or on its own (a ProjectionStoppedError
   * to `onError`) after a partial commit or once its version is retired.
   */
  whenStopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Resolves once the runner has committed the event at `position` (or a later one). */
  reached(position: bigint): Promise<void> {
    if (this.checkpoint !== undefined && this.checkpoint >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  private async follow(): Promise<void> {
    const { store, redis, keys, batchSize, retryDelayMs, onError } = this.options;
    while (!this.stopped) {
      try {
        if (!(await this.holdLease())) break;
        const checkpoint = await readCheckpoint(redis, keys);
        if (checkpoint === undefined && this.checkpoint !== undefined) throw new VersionRetiredError(keys, DROPPED);
        this.checkpoint = checkpoint;
        this.settleWaiters();
        this.subscription = store.subscribeToAll({ after: this.checkpoint });
        if (this.stopped) await this.subscription.unsubscribe();
        for await (const page of this.subscription.pages()) {
          for (let start = 0; start < page.length && !this.stopped; start += batchSize) await this.commitNext(page.length <= batchSize ? page : page.slice(start, start + batchSize));
        }
        await this.settleInFlight();
      } catch (thrown) {
        // The batch in flight failed first, if it failed: what came after it was built on it.
        const error = (await this.inFlight) ?? thrown;
        this.inFlight = undefined;
        await this.subscription?.unsubscribe();
        if (error instanceof LeaseLostError) {
          await this.giveUpLease();
          onError?.(error);
          continue; // stand by: another worker owns it now
        }
        if (error instanceof ProjectionStoppedError) {
          this.stopped = true;
          onError?.(error);
        }
        if (this.stopped) break;
        if (!(error instanceof CheckpointMovedError)) {
          onError?.(error);
          await sleep(retryDelayMs);
        }
      }
    }
    await this.giveUpLease(); // stopped: a standby takes over at its next look rather than when the lease runs out
    this.leaseRedis?.disconnect();
    this.leaseRedis = undefined;
  }

  /**
   * Prepares the batch while the one before it is in flight, waits for that one's commit, then sends
   * this one's and leaves it in flight: Redis runs one batch's EXEC while the next is read from the
   * store and prepared.
   */
  private async commitNext(batch: readonly RecordedEvent[]): Promise<void> {
    const prepared = await this.prepare(batch);
    await this.settleInFlight();
    const sent = await this.send(batch, prepared);
    this.inFlight = this.settle(batch, sent)
      .then((committed) => (committed ? undefined : this.commitAlone(batch)))
      .then(
        () => undefined,
        (error: unknown) => {
          void this.subscription?.unsubscribe(); // so that a runner waiting for more events meets the failure now
          return error ?? new Error('a batch commit failed');
        },
      );
  }

  /** Waits for the batch in flight, if any, to be committed; throws what stopped it. */
  private async settleInFlight(): Promise<void> {
    const failed = await this.inFlight;
    this.inFlight = undefined;
    if (failed !== undefined) throw failed;
  }

  /** Commits the batch with nothing else in flight: prepared, applied and sent again until its EXEC goes through. */
  private async commitAlone(batch: readonly RecordedEvent[]): Promise<void> {
    while (!(await this.settle(batch, await this.send(batch, await this.prepare(batch))))) {
      // a watched key changed (the lease may have been taken): look again, and apply the batch again on what is there now
    }
  }

  private async prepare(batch: readonly RecordedEvent[]): Promise<Prepared> {
    const now = this.options.clock.now();
    return { now, work: await this.options.projection.prepare?.(batch, now) };
  }

  /** Checks the checkpoint, version and lease, applies the batch into a MULTI with its checkpoint, and sends it. */
  private async send(batch: readonly RecordedEvent[], { now, work }: Prepared): Promise<Sent> {
    const { redis, keys, projection, lease } = this.options;
    const through = batch[batch.length - 1].position;
    const currentKey = currentVersionKey(keys.prefix, keys.projection);
    const fenceKeys = lease ? [lease.fenceKey] : [];
    await redis.watch(keys.checkpoint, currentKey, ...fenceKeys);
    const [storedCheckpoint, current, fence] = await redis.mget(keys.checkpoint, currentKey, ...fenceKeys);
    if (lease) {
      try {
        lease.verify(fence);
      } catch (error) {
        await redis.unwatch();
        throw error;
      }
    }
    const stored = storedCheckpoint === null ? undefined : BigInt(storedCheckpoint);
    const readVersion = Number(current ?? 1);
    if (readVersion > keys.version || (stored === undefined && this.checkpoint !== undefined)) {
      await redis.unwatch();
      throw new VersionRetiredError(keys, readVersion > keys.version ? `readers use v${readVersion}` : DROPPED);
    }
    if (stored !== this.checkpoint) {
      await redis.unwatch();
      throw new CheckpointMovedError(`${keys.base} was moved to ${stored} by another runner`);
    }
    const transaction = redis.multi();
    const context: BatchContext = {
      keys,
      redis,
      transaction,
      watch: async (...watched) => void (watched.length > 0 && (await redis.watch(...watched))),
      now,
      through,
      live: readVersion === keys.version,
    };
    let afterCommit: void | AfterCommit;
    try {
      afterCommit = await projection.apply(batch, context, work);
    } catch (error) {
      transaction.discard();
      await redis.unwatch();
      throw error;
    }
    transaction
      .set(keys.checkpoint, through.toString())
      .hincrby(keys.progress, 'events', batch.length)
      .hset(keys.progress, 'lastEventStoredAt', batch[batch.length - 1].created.getTime(), 'committedAt', Date.now());
    // Answered later, in `settle`; caught here so that a failure is never left unhandled meanwhile.
    const answer = transaction.exec().then((results) => ({ results }), (error: unknown) => ({ error }));
    return { answer, afterCommit: afterCommit ?? undefined };
  }

  /** Waits for a sent batch's EXEC: true once committed, false if a watched key changed (nothing stored). */
  private async settle(batch: readonly RecordedEvent[], { answer, afterCommit }: Sent): Promise<boolean> {
    const { keys, projection } = this.options;
    const through = batch[batch.length - 1].position;
    const answered = await answer;
    if ('error' in answered) throw answered.error;
    if (answered.results === null) return false;
    const failures = answered.results.flatMap(([error]) => (error ? [error] : []));
    if (failures.length > 0) throw new PartialCommitError(keys, through, failures);
    this.checkpoint = through;
    // The batch is committed whatever happens here: a failure is reported, not a reason to apply it again.
    await afterCommit?.().catch((error: unknown) => this.options.onError?.(error));
    this.settleWaiters();
    this.options.onCommit?.({ projection: projection.name, version: keys.version, events: batch.length, checkpoint: through });
    return true;
  }

  /**
   * Waits until this runner holds its version's lease (at once without one), trying again when the
   * lease says (just after the holder's key expires, or a period at most); false once stopped. A standby whose version was retired meanwhile stops (VersionRetiredError).
   */
  private async holdLease(): Promise<boolean> {
    const { lease, redis, keys, onLease } = this.options;
    if (!lease || this.leaseHeld) return !this.stopped;
    while (!this.stopped) {
      const readVersion = Number((await redis.get(currentVersionKey(keys.prefix, keys.projection))) ?? 1);
      if (readVersion > keys.version) throw new VersionRetiredError(keys, `readers use v${readVersion}`);
      this.leaseRedis ??= redis.duplicate();
      if (await lease.tryTake(this.leaseRedis)) {
        this.leaseHeld = true;
        this.renewal = setInterval(() => void this.renewLease(), lease.timings.periodMs);
        onLease?.(true);
        return true;
      }
      this.standby = new AbortController();
      await sleep(lease.nextLookMs(), undefined, { signal: this.standby.signal }).catch(() => undefined);
    }
    return false;
  }

  private async renewLease(): Promise<void> {
    const { lease, redis } = this.options;
    try {
      if (lease && this.leaseRedis && this.leaseHeld && !(await lease.renew(this.leaseRedis)) && this.leaseHeld) {
        this.options.onError?.(new LeaseLostError(`${lease.key}: lease lost before its renewal; standing by`));
        await this.giveUpLease();
        await this.subscription?.unsubscribe(); // the follow loop then stands by
      }
    } catch (error) {
      this.options.onError?.(error); // Redis away: the next renewal tries again, and a commit checks the lease itself
    }
  }

  private async giveUpLease(): Promise<void> {
    const { lease, onLease } = this.options;
    clearInterval(this.renewal);
    this.renewal = undefined;
    if (!lease || !this.leaseHeld) return;
    this.leaseHeld = false;
    await lease.release(this.leaseRedis!).catch(() => undefined);
    onLease?.(false);
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) {
      if (this.checkpoint !== undefined && this.checkpoint >= waiter.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
