import type { ChainableCommander, Redis } from 'ioredis';
import type { RecordedEvent } from '@case-journey/event-store';
import type { ProjectionKeys } from './projection-keys';

/** What one batch is applied with. */
export interface BatchContext {
  readonly keys: ProjectionKeys;
  /** The runner's own connection: reads see the committed read model. */
  readonly redis: Redis;
  /** The MULTI the batch's writes go into; the runner adds the checkpoint and executes it. */
  readonly transaction: ChainableCommander;
  /** Keys whose change by anyone else before the commit must abort it (the batch is then applied again). */
  watch(...keys: string[]): Promise<void>;
  /** The instant the batch is judged at (Victims' Code statuses depend on it). */
  readonly now: Date;
  /** Position of the batch's last event: the checkpoint the commit stores. */
  readonly through: bigint;
  /** Whether readers use this version (false while a rebuild writes it beside the live one). */
  readonly live: boolean;
}

/** What a projection does once its batch is committed (never when the commit fails or is retried). */
export type AfterCommit = () => Promise<void>;

/**
 * A projection: how a batch of the global log changes its read model. Everything it writes goes
 * into the batch's transaction, so the read model and the checkpoint move together or not at all.
 */
export interface Projection<Prepared = unknown> {
  readonly name: string;
  /**
   * Most events the projection takes in one batch, unless the runner is given its own; 500 if
   * neither says. Only a catch-up fills a batch: live, a batch is what arrived in one turn.
   */
  readonly batchSize?: number;
  /**
   * The part of a batch's work that reads nothing of the read model (the Victims' Code projection
   * judges the batch's cases), done at the instant the batch is applied at. The runner does it while
   * the previous batch's commit is in flight, then hands what it gave to `apply` with the batch and
   * that instant (`context.now`). It may be done again for the same batch, or for a batch never committed.
   */
  prepare?(batch: readonly RecordedEvent[], now: Date): Promise<Prepared>;
  /** May return what to do once the batch is committed; the runner runs it before it reports the batch reached. */
  apply(batch: readonly RecordedEvent[], context: BatchContext, prepared?: Prepared): Promise<void | AfterCommit>;
  /**
   * Brings up to `now` what time alone changes in a version's read model (statuses whose instant
   * passed since they were read); a rebuild calls it before readers switch. `redis` is the
   * caller's own connection.
   */
  catchUpWithTime?(redis: Redis, keys: ProjectionKeys, now: Date): Promise<void>;
}
