import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CaseEvent } from '@case-journey/domain';
import { JsonText } from '../runner/json-text';
import type { ProjectionVersions } from '../runner/projection-versions';
import type { CaseTimeline } from './case-timeline';
import { KeptTimelines, type KeptTimeline } from './kept-timelines';
import { readyTimelineOf, timelineAt } from './ready-timeline';
import { TIMELINE, timelineKey } from './timeline.projection';

/** A case's timeline as the API sends it, with its ETag and its area (what a read checks against the caller's). */
export class TimelineText extends JsonText<CaseTimeline> {
  constructor(
    text: string,
    etag: string,
    readonly area: string | null,
  ) {
    super(text, etag);
  }
}

/** About 32 MB of timelines' text per reader unless told otherwise (the API passes KEPT_TIMELINES_MB): some thousands of cases. */
const KEPT_CHARS = 32 * 1024 * 1024;

/**
 * Reads a case's timeline from the version of the projection readers currently use, as the JSON text
 * `JSON.stringify(caseTimeline(records, now))` gives. The timelines worked out lately are kept (see
 * `KeptTimelines`) with the length and last record of the case's list they came from. A case's list is
 * only appended to (an erasure rewrites it, but appends its own record as it does; a rebuild writes
 * other keys), so while its record at that place is the same last one, nothing has changed: a read of
 * a kept case asks Redis for the list from that place on, one small LRANGE, and works nothing out
 * but how long the last step has been held. Anything else there and the whole list is read again.
 */
export class TimelineReader {
  private readonly kept: KeptTimelines;

  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
    keptChars = KEPT_CHARS,
  ) {
    this.kept = new KeptTimelines(keptChars);
  }

  async timelineTextOf(caseId: string, now: Date): Promise<TimelineText | null> {
    const key = timelineKey(await this.versions.reading(TIMELINE), caseId);
    const kept = this.kept.get(key);
    if (kept) {
      const since = await this.redis.lrange(key, kept.length - 1, -1);
      if (since.length === 1 && since[0] === kept.last) return textAt(kept, now);
    }
    const records = await this.redis.lrange(key, 0, -1);
    const ready = readyTimelineOf(records.map((record) => JSON.parse(record) as CaseEvent));
    if (!ready) {
      this.kept.forget(key);
      return null;
    }
    const worked = { ready, length: records.length, last: records[records.length - 1], tag: hashOf(ready.pieces) };
    this.kept.keep(key, worked);
    return textAt(worked, now);
  }
}

function hashOf(pieces: readonly string[]): string {
  const hash = createHash('sha1');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('base64url');
}

/** The text as of `now`, and an ETag that moves with it: the ready text's hash, and the held time when there is one. */
function textAt({ ready, tag }: KeptTimeline, now: Date): TimelineText {
  const { text, heldMs } = timelineAt(ready, now);
  return new TimelineText(text, heldMs === null ? `"${tag}"` : `"${tag}.${heldMs}"`, ready.area);
}
