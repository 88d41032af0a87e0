/** A change of the link to Redis worth one log line. */
export type RedisLinkChange = { kind: 'lost'; why: string } | { kind: 'back'; downForMs: number; connectionErrors: number };

/**
 * Whether Redis answers, as a probe finds it, turned into changes: one when it stops answering, one
 * when it answers again. The errors every connection reports meanwhile (each ioredis client and each
 * BullMQ queue or worker, on every reconnection attempt) are only counted.
 */
export class RedisLinkState {
  private downSince: number | undefined;
  private connectionErrors = 0;

  get answering(): boolean {
    return this.downSince === undefined;
  }

  /** A connection reported an error; the probe decides whether Redis is away. */
  connectionFailed(): void {
    if (!this.answering) this.connectionErrors++;
  }

  probeFailed(why: string, at: number): RedisLinkChange | undefined {
    if (!this.answering) return undefined;
    this.downSince = at;
    this.connectionErrors = 0;
    return { kind: 'lost', why };
  }

  probeAnswered(at: number): RedisLinkChange | undefined {
    if (this.downSince === undefined) return undefined;
    const change: RedisLinkChange = { kind: 'back', downForMs: at - this.downSince, connectionErrors: this.connectionErrors };
    this.downSince = undefined;
    return change;
  }
}
