import type { CaseJudge, CaseToJudge, CaseToRead, EventsLacking, EventsRead, Judgement, JudgingContext } from './case-judge';
import type { CaseObligations } from './case-obligations';

/** Reads from the store what judges lack of cases' histories. */
export type ReadLacking = (lacking: readonly EventsLacking[]) => Promise<EventsRead[]>;

/** Whoever judges the Victims' Code projection's batches: the projection's own thread, or judge threads. */
export interface Judges {
  /** Judges the cases; with `readings` (`readAhead`'s, at the context's instant), only their difference from the stored readings is worked out. */
  judge(cases: readonly CaseToJudge[], context: JudgingContext, readLacking: ReadLacking, readings?: readonly CaseObligations[]): Promise<Judgement>;
  /** Each case's reading as of `now`, before their stored readings are known; judges that cannot do this apart leave it out. */
  readAhead?(cases: readonly CaseToRead[], now: Date, readLacking: ReadLacking): Promise<CaseObligations[]>;
  /** Lets its threads go, if any. */
  close(): Promise<void>;
}

/** What the store gave, by case: added to what it gave before, the later read of a case replacing the earlier. */
export function withRead(read: ReadonlyMap<string, EventsRead>, more: readonly EventsRead[]): Map<string, EventsRead> {
  return new Map([...read, ...more.map((given): [string, EventsRead] => [given.caseId, given])]);
}

/** Every case judged in the projection's own thread, by one `CaseJudge`. */
export class JudgeInThread implements Judges {
  constructor(private readonly caseJudge: CaseJudge) {}

  async judge(cases: readonly CaseToJudge[], context: JudgingContext, readLacking: ReadLacking, readings?: readonly CaseObligations[]): Promise<Judgement> {
    return this.caseJudge.changes(cases, readings ?? (await this.readAhead(cases, context.now, readLacking)), context);
  }

  async readAhead(cases: readonly CaseToRead[], now: Date, readLacking: ReadLacking): Promise<CaseObligations[]> {
    let read = new Map<string, EventsRead>();
    for (;;) {
      const found = this.caseJudge.read(cases, read, now);
      if (!('lacking' in found)) return found.readings;
      read = withRead(read, await readLacking(found.lacking));
    }
  }

  async close(): Promise<void> {}
}
