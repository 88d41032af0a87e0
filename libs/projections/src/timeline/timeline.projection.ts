import { upcast, type CaseEvent } from '@case-journey/domain';
import type { RecordedEvent } from '@case-journey/event-store';
import type { BatchContext, Projection } from '../runner/projection';
import type { ProjectionKeys } from '../runner/projection-keys';
import { caseIdOfStream } from '../runner/case-streams';
import { forgetVictim, timelineRecordOf } from './timeline-record';

export const TIMELINE = 'timeline';

/** The list holding one case's timeline records in stream order. */
export const timelineKey = (keys: ProjectionKeys, caseId: string): string => keys.key('case', caseId);

/**
 * Appends each case event's record to its case's list: writes only, so catching up costs one
 * RPUSH per case per batch (but for an erasure, which rewrites its case's list). Business-time order, corrections and retractions are read off the
 * records by `caseTimeline`, so a late or amending event is just one more record.
 */
export class TimelineProjection implements Projection {
  readonly name = TIMELINE;

  async apply(batch: readonly RecordedEvent[], { keys, redis, transaction, watch }: BatchContext): Promise<void> {
    const records = new Map<string, CaseEvent[]>();
    for (const event of batch) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      const list = records.get(caseId) ?? [];
      list.push(timelineRecordOf(upcast(event)));
      records.set(caseId, list);
    }
    for (const [caseId, list] of records) {
      const erased = list.flatMap((record) => (record.type === 'VictimDataErased' ? [record.data.victimId] : []));
      if (erased.length === 0) transaction.rpush(timelineKey(keys, caseId), ...list.map((record) => JSON.stringify(record)));
      else await this.rewriteForgetting(caseId, list, erased, { keys, redis, transaction, watch });
    }
  }

  /**
   * The one time a case's list is rewritten rather than appended to: an erasure takes what described
   * the victim out of every record already stored, as well as out of this batch's.
   */
  private async rewriteForgetting(caseId: string, batch: CaseEvent[], victimIds: string[], { keys, redis, transaction, watch }: Pick<BatchContext, 'keys' | 'redis' | 'transaction' | 'watch'>): Promise<void> {
    const key = timelineKey(keys, caseId);
    await watch(key);
    const stored = (await redis.lrange(key, 0, -1)).map((record) => JSON.parse(record) as CaseEvent);
    const rewritten = victimIds.reduce((records, victimId) => forgetVictim(records, victimId), [...stored, ...batch]);
    transaction.del(key);
    transaction.rpush(key, ...rewritten.map((record) => JSON.stringify(record)));
  }
}
