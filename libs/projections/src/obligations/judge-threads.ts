import { createHash } from 'node:crypto';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BatchWrites, type BatchWriteParts } from '../runner/batch-writes';
import { ProjectionStoppedError } from '../runner/projection-runner';
import { AddedChanges } from './case-changes';
import type { CaseToJudge, EventsLacking, EventsRead, Judgement, JudgingContext } from './case-judge';
import { addDeadlineChanges, type DeadlineChanges } from './deadlines';
import type { Judges, ReadLacking } from './judges';

/** What a judge thread is started with. */
export interface JudgeThreadData {
  /** The most events its share of the cases keeps, histories and folded states each. */
  historyEvents: number;
}

/** What the projection asks of a judge thread: to judge its share of a batch's cases, then (as often as it asks) with what the store gave. */
export type JudgeThreadRequest =
  | { kind: 'judge'; id: number; cases: readonly CaseToJudge[]; keys: { prefix: string; projection: string; version: number }; now: number; live: boolean }
  | { kind: 'read'; id: number; read: EventsRead[] };

/** What a judge thread answers: the events it lacks, its share's judgement, or why it could not judge it. */
export type JudgeThreadReply =
  | { kind: 'lacking'; id: number; lacking: EventsLacking[] }
  | { kind: 'judged'; id: number; writes: BatchWriteParts; counts: Array<string | number>; deadlines: DeadlineChanges }
  | { kind: 'failed'; id: number; error: string };

/**
 * A judge thread stopped (it failed outside a judgement, ran out of memory or was ended): the
 * runner stops rather than follow on without it, and its lease lets another worker take over.
 */
export class JudgeThreadLostError extends ProjectionStoppedError {}

const WORKER_FILE = join(__dirname, `judge-thread.worker${extname(__filename)}`);

/** Run from TypeScript (swc at run time, jest): the thread compiles its module the same way. */
const workerArgs = (): string[] | undefined =>
  extname(__filename) === '.ts' && !process.execArgv.some((arg) => arg.includes('@swc-node/register')) ? [...process.execArgv, '--require', '@swc-node/register'] : undefined;

/** Which of `count` judges owns the case: by a hash of its id, so the same judge whatever the batch. */
export function judgeOf(caseId: string, count: number): number {
  return createHash('sha1').update(caseId).digest().readUInt32BE(0) % count;
}

/** One judge thread, and the requests it has not answered yet. */
class JudgeThread {
  private readonly waiting = new Map<number, (reply: JudgeThreadReply) => void>();
  private readonly failing = new Map<number, (error: Error) => void>();
  private lost: Error | undefined;
  private closing = false;

  constructor(
    private readonly worker: Worker,
    readonly index: number,
  ) {
    worker.on('message', (reply: JudgeThreadReply) => {
      const answer = this.waiting.get(reply.id);
      this.settled(reply.id);
      answer?.(reply);
    });
    worker.on('error', (error: Error) => this.lose(`failed: ${error.message}`));
    worker.on('exit', (code: number) => this.lose(this.closing ? 'was closed' : `exited (code ${code})`));
    // Never what keeps a process alive: between batches it only holds its share's folded cases.
    worker.unref();
  }

  async judge(id: number, cases: readonly CaseToJudge[], { keys, now, live }: JudgingContext, readLacking: ReadLacking): Promise<Extract<JudgeThreadReply, { kind: 'judged' }>> {
    const { prefix, projection, version } = keys;
    let reply = await this.ask({ kind: 'judge', id, cases, keys: { prefix, projection, version }, now: now.getTime(), live });
    while (reply.kind === 'lacking') reply = await this.ask({ kind: 'read', id, read: await readLacking(reply.lacking) });
    if (reply.kind === 'failed') throw new Error(`Judge thread ${this.index}: ${reply.error}`);
    return reply;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private ask(request: JudgeThreadRequest): Promise<JudgeThreadReply> {
    if (this.lost) return Promise.reject(this.lost);
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, resolve);
      this.failing.set(request.id, reject);
      this.worker.postMessage(request);
    });
  }

  private settled(id: number): void {
    this.waiting.delete(id);
    this.failing.delete(id);
  }

  /** Fails every request in flight and every one to come. */
  private lose(why: string): void {
    this.lost ??= new JudgeThreadLostError(`Victims' Code judge thread ${this.index} ${why}; its cases cannot be judged, stopped`);
    for (const [id, reject] of this.failing) {
      this.settled(id);
      reject(this.lost);
    }
  }
}

/**
 * The Victims' Code projection's judging split over threads, each owning the cases whose id hashes
 * to it (`judgeOf`) with their kept histories and folded states. The projection's thread reads the
 * store and Redis; each judge is posted its share of a batch's cases (a case's events stay in
 * order, all in one share), asks for what it lacks of their histories, and answers its share's
 * writes, counter changes and deadline jobs, which are gathered into the batch's one commit.
 */
export class JudgeThreads implements Judges {
  private requests = 0;

  private constructor(private readonly threads: readonly JudgeThread[]) {}

  /** Starts `count` judge threads, sharing `historyEvents` between them. */
  static start(count: number, historyEvents: number): JudgeThreads {
    const workerData: JudgeThreadData = { historyEvents: Math.ceil(historyEvents / count) };
    return new JudgeThreads(Array.from({ length: count }, (_, index) => new JudgeThread(new Worker(WORKER_FILE, { workerData, execArgv: workerArgs() }), index)));
  }

  async judge(cases: readonly CaseToJudge[], context: JudgingContext, readLacking: ReadLacking): Promise<Judgement> {
    const shares = this.threads.map((): CaseToJudge[] => []);
    for (const judged of cases) shares[judgeOf(judged.caseId, shares.length)].push(judged);
    const id = ++this.requests;
    const replies = await Promise.all(this.threads.map((thread, i) => (shares[i].length === 0 ? undefined : thread.judge(id, shares[i], context, readLacking))));
    const writes = new BatchWrites();
    const counts = new AddedChanges();
    const deadlines: DeadlineChanges = { schedule: [], reschedule: [], cancel: [] };
    for (const reply of replies) {
      if (reply === undefined) continue;
      writes.add(reply.writes);
      counts.add(reply.counts);
      addDeadlineChanges(deadlines, reply.deadlines);
    }
    return { writes, counts, deadlines };
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}
