import { upcast } from '@case-journey/domain';
import type { RecordedEvent } from '@case-journey/event-store';
import type { BatchContext, Projection } from '../runner/projection';
import type { ProjectionKeys } from '../runner/projection-keys';
import { caseIdOfStream } from '../runner/case-streams';
import { timelineRecordOf } from './timeline-record';

export const TIMELINE = 'timeline';

/** The list holding one case's timeline records in stream order. */
export const timelineKey = (keys: ProjectionKeys, caseId: string): string => keys.key('case', caseId);

/**
 * Appends each case event's record to its case's list: writes only, so catching up costs one
 * RPUSH per case per batch. Business-time order, corrections and retractions are read off the
 * records by `caseTimeline`, so a late or amending event is just one more record.
 */
export class TimelineProjection implements Projection {
  readonly name = TIMELINE;

  async apply(batch: readonly RecordedEvent[], { keys, transaction }: BatchContext): Promise<void> {
    const records = new Map<string, string[]>();
    for (const event of batch) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      const list = records.get(caseId) ?? [];
      list.push(JSON.stringify(timelineRecordOf(upcast(event))));
      records.set(caseId, list);
    }
    for (const [caseId, list] of records) transaction.rpush(timelineKey(keys, caseId), ...list);
  }
}
