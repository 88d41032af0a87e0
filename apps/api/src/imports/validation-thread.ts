import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { threadEntryOf } from '@case-journey/platform';
import type { LineRules, ValidatedLine } from './line-validation';
import type { SourceSpec } from './record-sources';
import { ImportFileError, type SourceLine, type SourceOptions } from './source-lines';

/** A line as the validation thread hands it over: read, parsed and validated, or refused with its problem. */
export interface ValidatedSourceLine extends Omit<SourceLine, 'record'> {
  validated?: ValidatedLine;
}

/** What the validation thread is given: plain data, from which it makes the same source and rules. */
export interface ValidationThreadData {
  path: string;
  source: SourceSpec;
  options: Omit<SourceOptions, 'onBytesRead'>;
  rules: LineRules;
  linesPerMessage: number;
  textPerMessage: number;
  messagesAhead: number;
}

export type ThreadMessage =
  | { kind: 'lines'; lines: ValidatedSourceLine[]; bytesRead: number }
  | { kind: 'end'; bytesRead: number }
  | { kind: 'failed'; error: { name: string; message: string; stack?: string } };

/**
 * Lines a message carries (250, or fewer making a mebibyte of text), and messages the thread may
 * send ahead of those used: at most 1,000 lines or about 4 MiB of text wait, however slow the store.
 */
const LINES_PER_MESSAGE = 250;
const TEXT_PER_MESSAGE = 2 ** 20;
const MESSAGES_AHEAD = 4;

/**
 * The thread's heap, kept small: it holds its modules and one message's lines (a mebibyte of text
 * at most, and one line), and the importer must stay under 250 MB of RSS with both threads. Left to
 * the process's heap settings, the thread added about 60 MiB to a 39,003-line import's peak (242
 * against 181 MiB); with these, none (178). V8 lets a process's own heap flags win over these limits:
 * under the importer's (`--max-old-space-size`, `--max-semi-space-size`, as `npm run import` and an
 * API import's process run) the thread's limit is the process's (v8.getHeapStatistics() in the thread:
 * 140 MiB, not 76), and its heap stayed at 32-40 MiB all the same over 150 s of a gigabyte's import.
 */
const THREAD_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** The thread's entry: its compiled sibling, or run from TypeScript (jest), dist/'s once built (threadEntryOf). */
const WORKER_FILE = join(__dirname, `line-validation.worker${extname(__filename)}`);

/**
 * The file's lines read, parsed and validated on a thread of their own (the second core), in
 * order, each with its number, byte offset and text as the source gives them. The thread reads no
 * further than a few messages ahead of the lines used (backpressure: the file is never read faster
 * than it is stored), and is stopped when the lines are no longer wanted. A file it cannot read on
 * fails as the source would fail (ImportFileError); a line's validation is exactly
 * `validatedLine`'s, its refusal the API's problem document.
 */
export async function* validatedOnThread(path: string, source: SourceSpec, options: SourceOptions, rules: LineRules): AsyncGenerator<ValidatedSourceLine> {
  const { onBytesRead, ...plainOptions } = options;
  const workerData: ValidationThreadData = { path, source, options: plainOptions, rules, linesPerMessage: LINES_PER_MESSAGE, textPerMessage: TEXT_PER_MESSAGE, messagesAhead: MESSAGES_AHEAD };
  const { file, execArgv } = await threadEntryOf(WORKER_FILE);
  const worker = new Worker(file, { workerData, execArgv, resourceLimits: THREAD_HEAP });
  const received: Array<ThreadMessage | { kind: 'exited'; code: number } | { kind: 'error'; error: Error }> = [];
  let wake: (() => void) | undefined;
  const receive = (message: (typeof received)[number]) => {
    received.push(message);
    wake?.();
  };
  worker.on('message', receive);
  worker.on('error', (error: Error) => receive({ kind: 'error', error }));
  worker.on('exit', (code: number) => receive({ kind: 'exited', code }));
  try {
    for (;;) {
      if (received.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const message = received.shift()!;
      switch (message.kind) {
        case 'lines':
          worker.postMessage('more');
          onBytesRead?.(message.bytesRead);
          yield* message.lines;
          break;
        case 'end':
          onBytesRead?.(message.bytesRead);
          return;
        case 'failed':
          throw message.error.name === 'ImportFileError' ? new ImportFileError(message.error.message) : Object.assign(new Error(message.error.message), { stack: message.error.stack });
        case 'error':
          throw message.error;
        case 'exited':
          throw new Error(`the import's validation thread stopped (exit code ${message.code})`);
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

