/**
 * A Victims' Code judge thread: judges its share of each batch's cases, keeping their histories
 * and folded states between batches. See `JudgeThreads`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { CaseHistories } from '../runner/case-histories';
import { ProjectionKeys } from '../runner/projection-keys';
import { listedChanges } from './case-changes';
import { CaseJudge, type EventsRead } from './case-judge';
import { FoldedCases } from './folded-cases';
import type { JudgeThreadData, JudgeThreadReply, JudgeThreadRequest } from './judge-threads';
import { withRead } from './judges';

const port = parentPort!;
const { historyEvents } = workerData as JudgeThreadData;
const judge = new CaseJudge(new WorkingDayCalendar(), new CaseHistories(historyEvents), new FoldedCases(historyEvents));
/** The requests waiting for what the store gives of their cases' histories, with what it gave so far. */
const waiting = new Map<number, { request: Extract<JudgeThreadRequest, { kind: 'judge' }>; read: Map<string, EventsRead> }>();

function answer(message: JudgeThreadRequest): JudgeThreadReply {
  const asked = message.kind === 'judge' ? { request: message, read: new Map<string, EventsRead>() } : waiting.get(message.id);
  if (asked === undefined) throw new Error(`events read for request ${message.id}, which is not waiting for any`);
  if (message.kind === 'read') asked.read = withRead(asked.read, message.read);
  const { id, cases, keys, now, live } = asked.request;
  const judged = judge.judge(cases, asked.read, { keys: new ProjectionKeys(keys.prefix, keys.projection, keys.version), now: new Date(now), live });
  if ('lacking' in judged) {
    waiting.set(id, asked);
    return { kind: 'lacking', id, lacking: judged.lacking };
  }
  waiting.delete(id);
  const { writes, counts, deadlines } = judged;
  return { kind: 'judged', id, writes: writes.parts(), counts: listedChanges(counts), deadlines };
}

port.on('message', (request: JudgeThreadRequest) => {
  let reply: JudgeThreadReply;
  try {
    reply = answer(request);
  } catch (error) {
    // A case that cannot be judged fails its batch, as in the projection's own thread; the runner tries it again.
    waiting.delete(request.id);
    reply = { kind: 'failed', id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
