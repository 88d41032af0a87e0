/**
 * The import's validation thread: reads the file through its source, parses each line and validates
 * it as its single request would be (`validatedLine`), and sends the lines in order, a few messages
 * ahead of those the importing thread has used. See `validatedOnThread`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RequestValidationError, validationProblem } from '../http/request-validation.error';
import { validatedLine } from './line-validation';
import { sourceFor } from './record-sources';
import type { SourceLine } from './source-lines';
import type { ThreadMessage, ValidatedSourceLine, ValidationThreadData } from './validation-thread';

const port = parentPort!;
const { path, source, options, rules, linesPerMessage, textPerMessage, messagesAhead } = workerData as ValidationThreadData;

let credit = messagesAhead;
let granted: (() => void) | undefined;
port.on('message', () => {
  credit += 1;
  granted?.();
});

const post = (message: ThreadMessage) => port.postMessage(message);

function validated(line: SourceLine): ValidatedSourceLine {
  const { number, end, text, fault } = line;
  if (fault) return { number, end, text, fault };
  try {
    return { number, end, text, validated: validatedLine(line.record, rules) };
  } catch (error) {
    // A line's validation refuses it only so (problemOf's document for it); anything else is no fault of the line's.
    if (!(error instanceof RequestValidationError)) throw error;
    return { number, end, text, fault: validationProblem(error) };
  }
}

async function run(): Promise<void> {
  let bytesRead = 0;
  let lines: ValidatedSourceLine[] = [];
  let text = 0;
  const send = async () => {
    while (credit === 0) await new Promise<void>((resolve) => (granted = resolve));
    granted = undefined;
    credit -= 1;
    post({ kind: 'lines', lines, bytesRead });
    lines = [];
    text = 0;
  };
  for await (const line of sourceFor(source.format, source.mapping)(path, { ...options, onBytesRead: (bytes) => (bytesRead = bytes) })) {
    lines.push(validated(line));
    text += line.text.length;
    if (lines.length >= linesPerMessage || text >= textPerMessage) await send();
  }
  if (lines.length > 0) await send();
  post({ kind: 'end', bytesRead });
}

// Once done, the port no longer keeps the thread alive: it ends when its last message is sent.
run().then(
  () => port.unref(),
  (error: unknown) => {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    post({ kind: 'failed', error: { name, message, stack } });
    port.unref();
  },
);
