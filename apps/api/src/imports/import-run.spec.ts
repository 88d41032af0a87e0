import type { CaseStreamRepository } from '../cases/case-stream.repository';
import type { HandoffRecorder } from '../cases/handoff-recorder';
import type { Problem } from '../http/problem-details.filter';
import { runImport, type ImportCheckpoint } from './import-run';
import type { LineContext } from './import-line';
import type { SourceLine } from './source-lines';

const NOT_JSON: Problem = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'not JSON' } as Problem;

/** Lines the reader already refused (not JSON): the run stores nothing of them, so no recorder is needed. */
async function* refusedLines(count: number, chars: number): AsyncGenerator<SourceLine> {
  for (let number = 1; number <= count; number++) yield { number, end: number * (chars + 1), text: 'x'.repeat(chars), fault: NOT_JSON };
}

describe('runImport batches', () => {
  const checkpointsOf = async (options: { lines: number; chars: number; batchSize: number; batchChars?: number }) => {
    const checkpoints: ImportCheckpoint[] = [];
    const tally = await runImport({
      lines: refusedLines(options.lines, options.chars),
      context: {} as LineContext,
      recorder: {} as HandoffRecorder,
      repository: {} as CaseStreamRepository,
      batchSize: options.batchSize,
      batchChars: options.batchChars,
      onCommitted: (_rejections, checkpoint) => void checkpoints.push(checkpoint),
    });
    return { tally, lines: checkpoints.map((checkpoint) => checkpoint.line) };
  };

  it('store a batch once its lines come to the character budget, before the line count: long lines are never held a thousand at a time', async () => {
    // 10 lines of 1,000 characters, a budget of 4,000: stored after lines 4 and 8, then the last 2.
    const { tally, lines } = await checkpointsOf({ lines: 10, chars: 1_000, batchSize: 1_000, batchChars: 4_000 });
    expect(lines).toEqual([4, 8, 10]);
    expect(tally).toEqual({ linesRead: 10, accepted: 0, replayed: 0, rejected: 10 });
  });

  it('and by the line count when the lines are short', async () => {
    // 10 lines of 10 characters (100 in all, under the budget), 3 a batch: after lines 3, 6, 9 and 10.
    const { lines } = await checkpointsOf({ lines: 10, chars: 10, batchSize: 3, batchChars: 4_000 });
    expect(lines).toEqual([3, 6, 9, 10]);
  });

  it('by default a batch holds at most 8 MiB of text', async () => {
    // 1 MiB lines: the eighth brings the batch to 8 MiB.
    const { lines } = await checkpointsOf({ lines: 9, chars: 2 ** 20, batchSize: 1_000 });
    expect(lines).toEqual([8, 9]);
  });
});
