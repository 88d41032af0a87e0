import { upcast, type CaseEvent } from '@case-journey/domain';
import type { RecordedEvent } from '@case-journey/event-store';
import type { BatchContext, Projection } from '../runner/projection';
import type { ProjectionKeys } from '../runner/projection-keys';
import { caseIdOfStream } from '../runner/case-streams';
import { readyTimelineOf } from './ready-timeline';
import { forgetVictim, timelineRecordOf } from './timeline-record';

export const TIMELINE = 'timeline';

/** The list holding one case's timeline records in stream order. */
export const timelineKey = (keys: ProjectionKeys, caseId: string): string => keys.key('case', caseId);

/** The hash holding one case's timeline made ready to send: `text`, `heldFrom` (epoch ms) and `area` of its `ReadyTimeline`. */
export const readyTimelineKey = (keys: ProjectionKeys, caseId: string): string => keys.key('ready', caseId);

/**
 * Appends each case event's record to its case's list, one RPUSH per case per batch (but for an
 * erasure, which rewrites its case's list). Business-time order, corrections and retractions are read
 * off the records by `caseTimeline`, so a late or amending event is just one more record. The
 * timeline they give is also stored ready to send (`ReadyTimeline`), worked out again from the case's
 * records (read in one pipeline per batch) whenever a batch touches the case, so a read parses and
 * works out nothing but how long the last step has been held.
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
    const appended = [...records].filter(([, list]) => !list.some((record) => record.type === 'VictimDataErased'));
    const stored = await storedRecordsOf(redis, keys, appended.map(([caseId]) => caseId));
    for (const [caseId, list] of records) {
      const erased = list.flatMap((record) => (record.type === 'VictimDataErased' ? [record.data.victimId] : []));
      if (erased.length === 0) {
        transaction.rpush(timelineKey(keys, caseId), ...list.map((record) => JSON.stringify(record)));
        storeReady(keys, caseId, [...stored.get(caseId)!, ...list], transaction);
      } else {
        storeReady(keys, caseId, await this.rewriteForgetting(caseId, list, erased, { keys, redis, transaction, watch }), transaction);
      }
    }
  }

  /**
   * The one time a case's list is rewritten rather than appended to: an erasure takes what described
   * the victim out of every record already stored, as well as out of this batch's.
   */
  private async rewriteForgetting(caseId: string, batch: CaseEvent[], victimIds: string[], { keys, redis, transaction, watch }: Pick<BatchContext, 'keys' | 'redis' | 'transaction' | 'watch'>): Promise<CaseEvent[]> {
    const key = timelineKey(keys, caseId);
    await watch(key);
    const stored = (await redis.lrange(key, 0, -1)).map((record) => JSON.parse(record) as CaseEvent);
    const rewritten = victimIds.reduce((records, victimId) => forgetVictim(records, victimId), [...stored, ...batch]);
    transaction.del(key);
    transaction.rpush(key, ...rewritten.map((record) => JSON.stringify(record)));
    return rewritten;
  }
}

/** The records stored for each case before this batch, in one round trip. */
async function storedRecordsOf(redis: BatchContext['redis'], keys: ProjectionKeys, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const stored = new Map<string, CaseEvent[]>();
  if (caseIds.length === 0) return stored;
  const pipeline = redis.pipeline();
  for (const caseId of caseIds) pipeline.lrange(timelineKey(keys, caseId), 0, -1);
  const replies = (await pipeline.exec()) ?? [];
  caseIds.forEach((caseId, i) => {
    const [error, texts] = replies[i] ?? [new Error('no reply')];
    if (error) throw error;
    stored.set(caseId, (texts as string[]).map((text) => JSON.parse(text) as CaseEvent));
  });
  return stored;
}

/** Replaces the case's timeline made ready to send (`ReadyTimeline`) with the one its records now give. */
function storeReady(keys: ProjectionKeys, caseId: string, records: readonly CaseEvent[], transaction: BatchContext['transaction']): void {
  const ready = readyTimelineOf(records);
  const key = readyTimelineKey(keys, caseId);
  transaction.del(key);
  if (!ready) return;
  transaction.hset(key, { text: ready.text, ...(ready.heldFromMs === null ? {} : { heldFrom: String(ready.heldFromMs) }), ...(ready.area === null ? {} : { area: ready.area }) });
}
