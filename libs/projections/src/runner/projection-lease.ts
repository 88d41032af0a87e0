import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ProjectionKeys } from './projection-keys';

/**
 * Takes the lease only when nobody holds it, and numbers it: the token rises with every taking and
 * becomes the fence at once, so from that moment no earlier owner's commit can pass. Answers
 * {token, 0} when taken, or {0, the holder's key's milliseconds left} when not.
 */
const TAKE = `
local left = redis.call('PTTL', KEYS[1])
if left ~= -2 then return {0, left} end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '/' .. token, 'PX', ARGV[2])
redis.call('SET', KEYS[3], token)
return {token, 0}`;

/** How long after a holder's key expires a standby looks again: Redis's expiry is to the millisecond, so a little over a timer's slop. */
export const LOOK_AFTER_EXPIRY_MS = 5;

/** Extends the lease, or deletes it, only while it is still ours. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** The lease timings, from `PROJECTION_LEASE_MS`: the longest a projection goes without an owner after its owner dies. */
export interface LeaseTimings {
  /** How long the lease key lives after each renewal: three quarters of the failover time. */
  ttlMs: number;
  /** How often the owner renews it, and the longest a standby waits between looks: a quarter of the failover time. */
  periodMs: number;
}

/**
 * Split so that an owner's death is followed by a standby's taking within `failoverMs`: the key
 * outlives its last renewal by at most `ttlMs`, and a standby looks again just after the key it saw
 * expires (`ProjectionLease.nextLookMs`), so the last quarter is margin for a loaded machine's late
 * timers and round trips. A standby also looks at least every `periodMs`, to take a released lease.
 */
export const leaseTimings = (failoverMs: number): LeaseTimings => ({ ttlMs: Math.floor((failoverMs * 3) / 4), periodMs: Math.floor(failoverMs / 4) });

/** The owner's lease was taken over, or expired, or dropped with its version: it must not write. */
export class LeaseLostError extends Error {}

/**
 * The lease on one projection version: exactly one runner, among every worker process, applies
 * events to it. Keys `{version}:lease` (owner and token, expiring, renewed by its holder on a
 * connection of its own) and `{version}:fence` (the token of the latest taking). A commit WATCHes
 * the fence with the checkpoint and goes on only if it still holds its own token, so the fence is
 * checked in the same MULTI/EXEC as the checkpoint: an owner that was paused (or cut off) past its
 * lease, and whose lease another worker took meanwhile, finds a later token there and stops, and if
 * the taking falls between its check and its EXEC, the watched fence changed and EXEC writes nothing.
 */
export class ProjectionLease {
  readonly key: string;
  readonly fenceKey: string;
  private readonly tokenKey: string;
  private readonly owner: string;
  private held: string | undefined;
  private holderLeftMs: number | undefined;

  constructor(
    keys: ProjectionKeys,
    readonly timings: LeaseTimings,
    /** Names the holder in the lease's value (its host and pid) for whoever reads it. */
    owner = `${process.pid}`,
  ) {
    this.key = keys.key('lease');
    this.fenceKey = keys.key('fence');
    this.tokenKey = keys.key('lease-token');
    this.owner = `${owner}/${randomUUID()}`;
  }

  /** The fencing token of the lease held, if one is. */
  get token(): number | undefined {
    return this.held === undefined ? undefined : Number(this.held.slice(this.held.lastIndexOf('/') + 1));
  }

  /** Takes the lease if nobody holds it; true when this runner now does. */
  async tryTake(redis: Redis): Promise<boolean> {
    const [token, left] = (await redis.eval(TAKE, 3, this.key, this.tokenKey, this.fenceKey, this.owner, this.timings.ttlMs)) as [number, number];
    this.held = token === 0 ? undefined : `${this.owner}/${token}`;
    this.holderLeftMs = token === 0 && left >= 0 ? left : undefined;
    return this.held !== undefined;
  }

  /**
   * How long a standby waits before its next look: until just after the holder's key expires, as the
   * last look found it, but never longer than a period, so that a released lease (or a renewed one
   * that is then released) is taken soon. A holder that renews meanwhile is simply found again.
   */
  nextLookMs(): number {
    const { periodMs } = this.timings;
    return this.holderLeftMs === undefined ? periodMs : Math.min(periodMs, this.holderLeftMs + LOOK_AFTER_EXPIRY_MS);
  }

  /** Extends the lease; false, and no longer held, when it was lost meanwhile. */
  async renew(redis: Redis): Promise<boolean> {
    if (this.held === undefined) return false;
    if ((await redis.eval(RENEW, 1, this.key, this.held, this.timings.ttlMs)) === 1) return true;
    this.held = undefined;
    return false;
  }

  /** Gives the lease up (a standby takes it at its next look) if it is still ours. */
  async release(redis: Redis): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) await redis.eval(RELEASE, 1, this.key, held);
  }

  /** Throws unless the fence, read under the commit's WATCH, still holds this runner's token: nobody took the lease since. */
  verify(fence: string | null): void {
    const token = this.token;
    if (token !== undefined && fence === String(token)) return;
    this.held = undefined;
    throw new LeaseLostError(`${this.key}: lease lost (${token === undefined ? 'not held' : `token ${token}`}, fence ${fence ?? 'gone'})`);
  }
}
