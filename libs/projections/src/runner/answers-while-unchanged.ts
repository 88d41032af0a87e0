/** An answer as last worked out, and the change mark it was worked out under. */
interface KnownAnswer<T> {
  checkedAt: number;
  markSeen?: string;
  answer?: T;
  refreshing?: Promise<T>;
}

/**
 * Answers kept per question while the read model they come from has not changed: a projection sets
 * a fresh change mark in the transaction of every batch that moves what they are read from. While an
 * answer is fresh (`freshForMs`) it is given as it is. Once stale, one request reads the mark (one
 * GET) and works the answer out again only if the mark moved, while every other request meanwhile
 * is given the previous answer: no stampede on Redis or the CPU however many ask at once.
 */
export class AnswersWhileUnchanged<T> {
  private readonly known = new Map<string, KnownAnswer<T>>();

  constructor(private readonly freshForMs: number) {}

  /** `markNow` reads the current change mark; `workOut` the answer, under the mark just read. */
  async answer(question: string, markNow: () => Promise<string>, workOut: (mark: string) => Promise<T>): Promise<T> {
    let known = this.known.get(question);
    if (!known) {
      this.forgetUnasked();
      this.known.set(question, (known = { checkedAt: 0 }));
    }
    if (known.answer !== undefined && Date.now() - known.checkedAt < this.freshForMs) return known.answer;
    if (known.refreshing) return known.answer ?? known.refreshing;
    const entry = known;
    entry.refreshing = this.refresh(entry, markNow, workOut).finally(() => (entry.refreshing = undefined));
    return entry.refreshing;
  }

  private async refresh(known: KnownAnswer<T>, markNow: () => Promise<string>, workOut: (mark: string) => Promise<T>): Promise<T> {
    // Read before the read model: a change that lands between the two is worked out again next time.
    const mark = await markNow();
    if (known.answer !== undefined && known.markSeen === mark) {
      known.checkedAt = Date.now();
      return known.answer;
    }
    const answer = await workOut(mark);
    Object.assign(known, { checkedAt: Date.now(), markSeen: mark, answer });
    return answer;
  }

  /** Keeps the cache small: the questions not asked lately go. */
  private forgetUnasked(): void {
    if (this.known.size < 1000) return;
    const now = Date.now();
    for (const [question, known] of this.known) if (!known.refreshing && now - known.checkedAt > 10 * this.freshForMs) this.known.delete(question);
  }
}
