import type { Redis } from 'ioredis';
import type { CaseEvent } from '@case-journey/domain';
import type { ProjectionVersions } from '../runner/projection-versions';
import { caseTimeline, type CaseTimeline } from './case-timeline';
import { TIMELINE, timelineKey } from './timeline.projection';

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
}
