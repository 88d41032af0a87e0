/**
 * How the EventStoreDB adapter rides out a failing cluster: which failures are worth another
 * attempt, how long to wait between attempts (capped exponential backoff with jitter), and the
 * log lines that tell an operator the connection's state changed (never one per attempt).
 */
import { CancelledError, convertToCommandError, NotLeaderError, TimeoutError, UnavailableError } from '@eventstore/db-client';
import type { ServiceError } from '@grpc/grpc-js';
import { ExponentialBackoff, halfJitterGenerator, handleWhen, retry, type RetryPolicy } from 'cockatiel';

export interface EventStoreDbResilience {
  /** Wait before the first retry or resubscription, in ms; each next wait doubles it (between half and all of it, at random). */
  retryInitialDelayMs: number;
  /** The longest wait between two attempts, in ms. */
  retryMaxDelayMs: number;
  /** Attempts of one append or read, the first included, on "not leader" or an unreachable node; then the caller gets the error. */
  operationAttempts: number;
  /** How often a subscription waiting on the server is compared with the head of $all, in ms; 0 turns the watchdog off. */
  silenceCheckMs: number;
}

export const DEFAULT_RESILIENCE: EventStoreDbResilience = {
  retryInitialDelayMs: 200,
  retryMaxDelayMs: 10_000,
  operationAttempts: 4,
  silenceCheckMs: 15_000,
};

/** Where the adapter reports state changes; Nest's Logger fits, and so does `console`. */
export interface EventStoreLog {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * Failures of the connection or the node, not of the request: another attempt may succeed.
 * "Not leader" has already pointed the client at the leader for its next call; the others make it
 * reconnect. A refused request (wrong expected revision, access denied, a bad position) is not retried.
 */
export function isTransient(error: unknown): boolean {
  const failure = asClientError(error);
  return (
    failure instanceof NotLeaderError ||
    failure instanceof UnavailableError ||
    failure instanceof CancelledError ||
    failure instanceof TimeoutError
  );
}

/** Some client paths (asking the server's features on connect) throw the bare gRPC error: as the client's own. */
function asClientError(error: unknown): unknown {
  const grpc = error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number';
  return grpc ? convertToCommandError(error as ServiceError) : error;
}

/** The waits between attempts: half to all of initial·2ⁿ, capped. */
export function backoff(resilience: EventStoreDbResilience): ExponentialBackoff<number> {
  return new ExponentialBackoff({
    initialDelay: resilience.retryInitialDelayMs,
    maxDelay: resilience.retryMaxDelayMs,
    generator: halfJitterGenerator,
  });
}

/**
 * Tells the connection's state changes once each: the node became unreachable, it answers again,
 * the leader moved. Every operation and subscription of one store reports here, so an outage
 * seen by a hundred requests is still one line.
 */
export class ConnectionState {
  private reachable = true;
  private leader?: string;

  constructor(private readonly log: EventStoreLog) {}

  failed(cause: unknown): void {
    const error = asClientError(cause);
    if (error instanceof NotLeaderError) {
      const leader = `${error.leader.address}:${error.leader.port}`;
      if (leader !== this.leader) this.log.warn(`EventStoreDB leader changed: following it to ${leader}`);
      this.leader = leader;
      return;
    }
    if (!this.reachable) return;
    this.reachable = false;
    this.log.warn(`EventStoreDB unreachable (${summarise(error)}): retrying with backoff`);
  }

  succeeded(): void {
    if (this.reachable) return;
    this.reachable = true;
    this.log.log('EventStoreDB answers again');
  }
}

/** Retries one append or read on a transient failure, a bounded number of times. */
export function operationRetry(resilience: EventStoreDbResilience, state: ConnectionState): RetryPolicy {
  const policy = retry(handleWhen(isTransient), {
    maxAttempts: Math.max(0, resilience.operationAttempts - 1),
    backoff: backoff(resilience),
  });
  policy.onFailure(({ handled, reason }) => handled && 'error' in reason && state.failed(reason.error));
  policy.onSuccess(() => state.succeeded());
  return policy;
}

export function summarise(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
}
