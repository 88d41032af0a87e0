import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Problem } from '../http/problem-details.filter';
import { problemOf } from '../http/problem-details.filter';
import type { CaseStreamRepository } from '../cases/case-stream.repository';
import type { HandoffRecorder } from '../cases/handoff-recorder';
import { RecordingBatch, WorkingCases, type BatchOutcome } from '../cases/recording-batch';
import { recordingOfValidated, validatedLine, type LineContext } from './import-line';
import type { SourceLine } from './source-lines';
import type { ValidatedSourceLine } from './validation-thread';

/** What an import has done so far. */
export interface ImportTally {
  linesRead: number;
  accepted: number;
  replayed: number;
  rejected: number;
}

export const EMPTY_TALLY: ImportTally = { linesRead: 0, accepted: 0, replayed: 0, rejected: 0 };

/** A refused line, ready to fix and send again: its number, the API's problem document, and the line as read. */
export interface RejectedLine {
  line: number;
  problem: Problem;
  text: string;
}

/** How far an import has stored: every line up to `line` (ending at byte `offset`) is accepted, replayed or rejected for good. */
export interface ImportCheckpoint {
  line: number;
  offset: number;
}

export interface ImportRun {
  /** The file's lines as read (validated here), or already validated on the validation thread. */
  lines: AsyncIterable<SourceLine | ValidatedSourceLine>;
  context: LineContext;
  recorder: HandoffRecorder;
  repository: CaseStreamRepository;
  /** Decide every line, store nothing. */
  dryRun?: boolean;
  /** Lines decided together and stored in one batch append. */
  batchSize?: number;
  /** A batch is stored sooner once its lines' text comes to this many characters. */
  batchChars?: number;
  /** The tally at the checkpoint a resumed import starts from. */
  tally?: ImportTally;
  /** After each batch is stored: its rejected lines, in order, then the new checkpoint and tally. */
  onCommitted: (rejections: RejectedLine[], checkpoint: ImportCheckpoint, tally: ImportTally) => Promise<void> | void;
}

export const DEFAULT_BATCH_LINES = 1_000;

/**
 * A batch holds each line's text until it is stored (and its record, parsed, until decided): 1,000
 * lines of up to IMPORT_MAX_LINE_BYTES (1 MiB) each would be a gigabyte, which the importer's bounded
 * heap (--max-old-space-size) cannot hold, and a file that made it run out would do so again at every
 * resume. Lines of the usual few hundred bytes never reach this before the line count does.
 */
export const DEFAULT_BATCH_CHARS = 8 * 2 ** 20;

/**
 * Lines decided between two turns of the event loop. A chunk of the file holds thousands of lines,
 * all decided in promise callbacks, during which no timer runs: the process answered no request,
 * and its BullMQ lock on the import's job went unrenewed until it lapsed and the job was handed out
 * again while it still ran.
 */
const LINES_PER_TURN = 100;

/**
 * Reads the lines, makes each the recording its single request would be, decides them in batches
 * through the recorder, and stores each batch in one append. A refused line is reported and the
 * import goes on; a failure that is not a line's (the store down, the file unreadable) stops it,
 * at the last checkpoint, from which it can be started again.
 */
export async function runImport(run: ImportRun): Promise<ImportTally> {
  const tally = { ...(run.tally ?? EMPTY_TALLY) };
  const working = new WorkingCases();
  const batchSize = run.batchSize ?? DEFAULT_BATCH_LINES;
  const batchChars = run.batchChars ?? DEFAULT_BATCH_CHARS;
  let pendingChars = 0;
  let batch = new RecordingBatch(run.recorder, run.repository, working);
  // What a batch keeps of each line until it is stored: its place and text, not the parsed record.
  let pending: Array<{ line: Pick<SourceLine, 'number' | 'end' | 'text'>; index?: number; problem?: Problem }> = [];

  const commit = async (): Promise<void> => {
    if (pending.length === 0) return;
    const outcomes = await batch.commit({ dryRun: run.dryRun });
    const rejections: RejectedLine[] = [];
    for (const { line, index, problem } of pending) {
      const outcome: BatchOutcome = index === undefined ? { outcome: 'rejected', problem: problem! } : outcomes[index];
      tally[outcome.outcome] += 1;
      if (outcome.outcome === 'rejected') rejections.push({ line: line.number, problem: outcome.problem, text: line.text });
    }
    const last = pending[pending.length - 1].line;
    pending = [];
    pendingChars = 0;
    batch = new RecordingBatch(run.recorder, run.repository, working);
    await run.onCommitted(rejections, { line: last.number, offset: last.end }, { ...tally });
  };

  for await (const line of run.lines) {
    tally.linesRead += 1;
    const { number, end, text } = line;
    pendingChars += text.length;
    if (line.fault) {
      pending.push({ line: { number, end, text }, problem: line.fault });
    } else {
      try {
        const validated = 'validated' in line && line.validated ? line.validated : validatedLine((line as SourceLine).record, run.context);
        const { recording, options } = recordingOfValidated(validated, run.context);
        const index = batch.size;
        await batch.add(recording, options);
        pending.push({ line: { number, end, text }, index });
      } catch (error) {
        const problem = problemOf(error);
        if (problem.status >= 500) throw error;
        pending.push({ line: { number, end, text }, problem });
      }
    }
    if (pending.length >= batchSize || pendingChars >= batchChars) await commit();
    if (tally.linesRead % LINES_PER_TURN === 0) await nextTurn();
  }
  await commit();
  return tally;
}
