/**
 * The first pause before trying the write lock again (0: at the event loop's next turn, as another
 * process's write transaction is often over by then), and the longest; 1, 2, 4 … ms between. SQLite's
 * own busy handler sleeps 1, 2, 5, 10, 15, 20 … 100 ms.
 */
const FIRST_PAUSE_MS = 0;
const LONGEST_PAUSE_MS = 16;

/** Another connection kept SQLite's write lock for longer than a write may wait: nothing of the write was stored. */
export class WriteLockTimeoutError extends Error {
  override readonly name = 'WriteLockTimeoutError';
  constructor(readonly waitedMs: number) {
    super(`The event store's write lock was held by another connection for ${waitedMs} ms, as long as a write may wait for it: nothing of the write was stored`);
  }
}

interface WaitingWrite {
  attempt: () => unknown;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
  /** When the write was asked for: it waits at most the timeout from then. */
  since: number;
  pauseMs: number;
}

/**
 * The writes of one connection, in the order they were asked for, each tried whole (one
 * transaction) as soon as the writes before it are done and the write lock is free. A try that
 * finds the lock taken by another connection fails at once (SQLITE_BUSY, the connection's busy
 * timeout being 0 for it) and is tried again at the next turn of the event loop, then after 1, 2,
 * 4 … 16 ms on a timer, so the event loop goes on serving requests meanwhile, where SQLite's busy
 * handler would have slept on it. A write still refused the lock `timeoutMs` after it was asked
 * for is given up.
 */
export class WriteLockQueue {
  private readonly waiting: WaitingWrite[] = [];
  private drained: Array<() => void> = [];

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `attempt` (all or nothing: a transaction) once every write asked for before it is done and the lock is free. */
  run<T>(attempt: () => T): Promise<T> {
    const since = this.now();
    if (this.waiting.length === 0) {
      try {
        return Promise.resolve(attempt());
      } catch (error) {
        if (!isLockBusy(error)) return Promise.reject(error);
      }
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ attempt, resolve: resolve as (result: unknown) => void, reject, since, pauseMs: FIRST_PAUSE_MS });
      if (this.waiting.length === 1) this.pauseThenTry(this.waiting[0]);
    });
  }

  /** Resolves once no write is waiting: every write asked for so far is stored or refused. */
  whenIdle(): Promise<void> {
    if (this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private pauseThenTry(head: WaitingWrite): void {
    const left = head.since + this.timeoutMs - this.now();
    if (head.pauseMs === 0) setImmediate(() => this.tryWaiting());
    else setTimeout(() => this.tryWaiting(), Math.max(0, Math.min(head.pauseMs, left)));
    head.pauseMs = Math.min(Math.max(2 * head.pauseMs, 1), LONGEST_PAUSE_MS);
  }

  /** Tries the waiting writes in order until one finds the lock taken. */
  private tryWaiting(): void {
    while (this.waiting.length > 0) {
      const head = this.waiting[0];
      try {
        head.resolve(head.attempt());
      } catch (error) {
        if (isLockBusy(error) && this.now() - head.since < this.timeoutMs) return this.pauseThenTry(head);
        head.reject(isLockBusy(error) ? new WriteLockTimeoutError(this.timeoutMs) : error);
      }
      this.waiting.shift();
    }
    const drained = this.drained;
    this.drained = [];
    drained.forEach((resolve) => resolve());
  }
}

/**
 * Another connection holds the write lock (SQLITE_BUSY and its extended codes, _SNAPSHOT among
 * them, which a write begun IMMEDIATE never meets but retrying whole would cure). Not SQLITE_LOCKED:
 * that is a conflict within this connection, which waiting would not end. Recognised by its code,
 * never by `instanceof` (see isEventIdClash).
 */
export function isLockBusy(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
