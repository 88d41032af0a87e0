/**
 * Notices a subscription that the server keeps open but no longer feeds. Every check it looks at
 * the head of $all: the subscription is silent when, at two checks in a row, it was waiting on the
 * server in one and the same wait, and the head it was shown at the first was already beyond the
 * last event it had received. So an idle store (nothing beyond), a consumer busy with what it has
 * (not waiting on the server) and an event still on its way (not yet a whole interval) are not silence.
 */

/** What one check saw. */
export interface SilenceCheck {
  /** Which wait on the server the subscription was in, undefined when it was not waiting. */
  wait: number | undefined;
  /** Position of the last event the subscription received, undefined before the first. */
  lastReceived: bigint | undefined;
  /** Position of the newest event in $all, undefined when it is empty. */
  head: bigint | undefined;
}

export function isSilent(previous: SilenceCheck | undefined, current: SilenceCheck): boolean {
  if (previous?.wait === undefined || current.wait !== previous.wait || previous.head === undefined) return false;
  return previous.lastReceived === undefined || previous.head > previous.lastReceived;
}

export interface SilenceWatchdogOptions {
  intervalMs: number;
  /** Position of the newest event in $all (system events included, as the subscription receives them). */
  readHead: () => Promise<bigint | undefined>;
  onSilence: (seen: SilenceCheck) => void;
}

export class SilenceWatchdog {
  private waits = 0;
  private waiting = false;
  private lastReceived: bigint | undefined;
  private previous: SilenceCheck | undefined;
  private checking = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly options: SilenceWatchdogOptions,
    lastReceived: bigint | undefined,
  ) {
    this.lastReceived = lastReceived;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.options.intervalMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The subscription starts waiting on the server for its next message. */
  awaiting(): void {
    this.waits++;
    this.waiting = true;
  }

  /** The server sent something (an event at `position`, or the end). */
  received(position?: bigint): void {
    this.waiting = false;
    if (position !== undefined) this.lastReceived = position;
  }

  /** After a restart: what came before says nothing about the new subscription. */
  reset(): void {
    this.previous = undefined;
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const wait = this.waiting ? this.waits : undefined;
      const lastReceived = this.lastReceived;
      const head = await this.options.readHead();
      const current = { wait, lastReceived, head };
      const silent = isSilent(this.previous, current);
      this.previous = silent ? undefined : current;
      if (silent && this.timer) this.options.onSilence(current);
    } catch {
      // The head could not be read: the connection is failing, and the subscription will fail with it.
      this.previous = undefined;
    } finally {
      this.checking = false;
    }
  }
}
