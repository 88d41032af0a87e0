import type { FinderCursor } from '@case-journey/projections';
import { RequestValidationError } from '../../http/request-validation.error';

/** The cursor as the client holds it: opaque, URL-safe. */
export const encodeCursor = (cursor: FinderCursor): string => Buffer.from(JSON.stringify([cursor.openedMs, cursor.caseId])).toString('base64url');

export function decodeCursor(text: string): FinderCursor {
  try {
    const [openedMs, caseId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof openedMs === 'number' && Number.isFinite(openedMs) && typeof caseId === 'string') return { openedMs, caseId };
  } catch {
    // answered below
  }
  throw new RequestValidationError([{ field: 'cursor', messages: ["cursor must be a previous page's next, unchanged"] }]);
}
