import { caseStreamId } from '@case-journey/domain';

const CASE_STREAM_PREFIX = caseStreamId('');

/** The case id of a case stream (`case-<id>`), or undefined for any other stream. */
export function caseIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : undefined;
}
