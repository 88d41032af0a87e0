import type { Redis } from 'ioredis';
import type { CaseEvent } from '@case-journey/domain';
import { JsonText } from '../runner/json-text';
import type { ProjectionVersions } from '../runner/projection-versions';
import { caseTimeline, type CaseTimeline } from './case-timeline';
import { readyTimelineOf, timelineTextAt, type ReadyTimeline } from './ready-timeline';
import { readyTimelineKey, TIMELINE, timelineKey } from './timeline.projection';

/** A case's timeline as the API sends it, with its area (what a read checks against the caller's). */
export class TimelineText extends JsonText<CaseTimeline> {
  constructor(
    text: string,
    readonly area: string | null,
  ) {
    super(text);
  }
}

/** Reads a case's timeline from the version of the projection readers currently use. */
export class TimelineReader {
  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
  ) {}

  async timelineOf(caseId: string, now: Date): Promise<CaseTimeline | null> {
    const keys = await this.versions.reading(TIMELINE);
    const records = await this.redis.lrange(timelineKey(keys, caseId), 0, -1);
    return caseTimeline(records.map((record) => JSON.parse(record) as CaseEvent), now);
  }

  /**
   * The same timeline as its JSON text (`JSON.stringify(timelineOf(caseId, now))`), from the text the
   * projection stored ready: one HMGET, and only the last step's held time worked out. A version
   * written before timelines were stored ready has none, and the records are read as `timelineOf` does.
   */
  async timelineTextOf(caseId: string, now: Date): Promise<TimelineText | null> {
    const keys = await this.versions.reading(TIMELINE);
    const [text, heldFrom, area] = await this.redis.hmget(readyTimelineKey(keys, caseId), 'text', 'heldFrom', 'area');
    const ready: ReadyTimeline | null =
      text === null
        ? readyTimelineOf((await this.redis.lrange(timelineKey(keys, caseId), 0, -1)).map((record) => JSON.parse(record) as CaseEvent))
        : { text, heldFromMs: heldFrom === null ? null : Number(heldFrom), area };
    return ready && new TimelineText(timelineTextAt(ready, now), ready.area);
  }
}
