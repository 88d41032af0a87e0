import type { CaseJudge, CaseToJudge, EventsLacking, EventsRead, Judgement, JudgingContext } from './case-judge';

/** Reads from the store what judges lack of cases' histories. */
export type ReadLacking = (lacking: readonly EventsLacking[]) => Promise<EventsRead[]>;

/** Whoever judges the Victims' Code projection's batches: the projection's own thread, or judge threads. */
export interface Judges {
  judge(cases: readonly CaseToJudge[], context: JudgingContext, readLacking: ReadLacking): Promise<Judgement>;
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

  async judge(cases: readonly CaseToJudge[], context: JudgingContext, readLacking: ReadLacking): Promise<Judgement> {
    let read = new Map<string, EventsRead>();
    for (;;) {
      const judged = this.caseJudge.judge(cases, read, context);
      if (!('lacking' in judged)) return judged;
      read = withRead(read, await readLacking(judged.lacking));
    }
  }

  async close(): Promise<void> {}
}
