import type { CaseEvent } from '@case-journey/domain';
import { ProjectionVersions } from '../runner/projection-versions';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { RedisTestSpace } from '../testing/redis-test-space';
import { forgetVictim, timelineRecordOf } from './timeline-record';
import { TIMELINE, timelineKey } from './timeline.projection';
import { TimelineReader } from './timeline.reader';

const DAY = 24 * 3_600_000;

describe('TimelineReader', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const versions = new ProjectionVersions(redis, space.prefix);
  let caseNumber = 0;
  let caseId: string;
  let key: string;
  const store = (...records: CaseEvent[]) => redis.rpush(key, ...records.map((record) => JSON.stringify(timelineRecordOf(record))));
  const parsed = async (reader: TimelineReader, at: string) => JSON.parse((await reader.timelineTextOf(caseId, new Date(at)))!.text);

  beforeEach(async () => {
    caseId = `c-${++caseNumber}`;
    key = timelineKey(await versions.reading(TIMELINE), caseId);
  });
  afterAll(() => space.dispose());

  const reported = () => aCrimeReport(caseId, '2025-03-03T10:00:00.000Z', [aVictim('v-1', { contactPreference: 'letter' })]);
  const fileSent = () => aCaseEvent(caseId, 'FileSubmittedToCps', '2025-03-10T10:00:00.000Z', 'Police', { fileId: 'f-1', kind: 'full-file' });

  it('gives the case waiting on the CPS since the file was sent, held up to the instant read at, with an ETag that moves with it', async () => {
    await store(reported(), fileSent());
    const reader = new TimelineReader(redis, versions);

    const week = await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'));
    // Mon 10 March 10:00 → Mon 17 March 10:00: 7 days, 5 working days.
    expect(JSON.parse(week!.text).waitingOn).toMatchObject({ agency: 'CPS', forMs: 7 * DAY, forCalendarDays: 7, forWorkingDays: 5 });
    expect(week!.area).toBe('Wessex');
    const again = await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'));
    expect(again!.text).toBe(week!.text);
    expect(again!.etag).toBe(week!.etag);
    expect(week!.etag).toMatch(/^"[A-Za-z0-9_-]+\.\d+"$/);

    const dayAfter = await reader.timelineTextOf(caseId, new Date('2025-03-18T10:00:00.000Z'));
    expect(JSON.parse(dayAfter!.text).waitingOn).toMatchObject({ forMs: 8 * DAY, forCalendarDays: 8, forWorkingDays: 6 });
    expect(dayAfter!.etag).not.toBe(week!.etag);
  });

  it('gives a closed case the same text and ETag whenever it is read', async () => {
    await store(reported(), fileSent(), aCaseEvent(caseId, 'ChargeDecisionMade', '2025-03-12T10:00:00.000Z', 'CPS', { decision: 'no-further-action', decidedBy: 'CPS', charges: [] }));
    const reader = new TimelineReader(redis, versions);

    const first = await reader.timelineTextOf(caseId, new Date('2025-04-01T00:00:00.000Z'));
    const later = await reader.timelineTextOf(caseId, new Date('2026-04-01T00:00:00.000Z'));
    expect(JSON.parse(first!.text).waitingOn).toBeNull();
    expect(later!.text).toBe(first!.text);
    expect(later!.etag).toBe(first!.etag);
    expect(first!.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('once a case is read, asks Redis only for its list from the last record it knew, until that list changes', async () => {
    await store(reported(), fileSent());
    const reader = new TimelineReader(redis, versions);
    await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'));
    const asked = jest.spyOn(redis, 'lrange');
    try {
      await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'));
      expect(asked.mock.calls).toEqual([[key, 1, -1]]);
    } finally {
      asked.mockRestore();
    }
  });

  it('keeps nothing when told to keep no text (KEPT_TIMELINES_MB=0): each read asks for the whole list', async () => {
    await store(reported(), fileSent());
    const reader = new TimelineReader(redis, versions, 0);
    const first = await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'));
    const asked = jest.spyOn(redis, 'lrange');
    try {
      const again = await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'));
      expect(asked.mock.calls).toEqual([[key, 0, -1]]);
      expect(again!.text).toBe(first!.text);
    } finally {
      asked.mockRestore();
    }
  });

  it('sees a record another process appended since it last read the case', async () => {
    await store(reported(), fileSent());
    const reader = new TimelineReader(redis, versions);
    expect((await parsed(reader, '2025-03-17T10:00:00.000Z')).entries).toHaveLength(2);

    await store(aCaseEvent(caseId, 'ChargeDecisionMade', '2025-03-12T10:00:00.000Z', 'CPS', { decision: 'no-further-action', decidedBy: 'CPS', charges: [] }));

    const timeline = await parsed(reader, '2025-03-17T10:00:00.000Z');
    expect(timeline.entries.map((entry: { type: string }) => entry.type)).toEqual(['CrimeReported', 'FileSubmittedToCps', 'ChargeDecisionMade']);
  });

  it('sees a list rewritten by an erasure, whose own record is appended to it as it is rewritten', async () => {
    const records = [reported(), aCaseEvent(caseId, 'VictimNeedsAssessed', '2025-03-04T10:00:00.000Z', 'Police', { victimId: 'v-1', needsIdentified: ['wheelchair access'] })].map(timelineRecordOf);
    await redis.rpush(key, ...records.map((record) => JSON.stringify(record)));
    const reader = new TimelineReader(redis, versions);
    expect((await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z')))!.text).toContain('wheelchair access');

    // As the projection rewrites it: the records stored, then the batch, the victim forgotten in all of them.
    const erasure = aCaseEvent(caseId, 'VictimDataErased', '2025-03-05T10:00:00.000Z', 'Police', { victimId: 'v-1', basis: 'request', reason: 'Request upheld' });
    await redis.multi().del(key).rpush(key, ...forgetVictim([...records, erasure], 'v-1').map((record) => JSON.stringify(record))).exec();

    const text = (await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z')))!.text;
    expect(text).not.toContain('wheelchair access');
    expect(text).not.toContain('"contactPreference":"letter"');
    expect(text).toContain('VictimDataErased');
  });

  it('is null for a case with no records, and for one whose list is gone since it was read', async () => {
    const reader = new TimelineReader(redis, versions);
    expect(await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'))).toBeNull();

    await store(reported());
    expect(await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'))).not.toBeNull();
    await redis.del(key);
    expect(await reader.timelineTextOf(caseId, new Date('2025-03-17T10:00:00.000Z'))).toBeNull();
  });
});
