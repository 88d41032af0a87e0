import type { CaseEvent } from '@case-journey/domain';
import type { GeneratedCase } from './journey/case-journey';

/** One event, one line: the event's own JSON (its keys in the order the generator builds them). */
const ndjsonLine = (event: CaseEvent): string => `${JSON.stringify(event)}\n`;

/** Each case's lines as one chunk, in the order the cases come. */
export function* ndjsonChunks(cases: Iterable<GeneratedCase>): Generator<string> {
  for (const generated of cases) {
    let chunk = '';
    for (const event of generated.events) chunk += ndjsonLine(event);
    yield chunk;
  }
}
