import { effectiveEvents } from './corrections';
import type { CaseEvent } from './events';

const meta = (eventId: string, occurredAt = '2026-03-02T10:00:00.000Z') => ({
  eventId, schemaVersion: 1, occurredAt, recordedAt: occurredAt, agency: 'HMCTS' as const, recordedBy: 'test',
});
const listed = (hearingId: string, eventId: string): CaseEvent => ({
  type: 'HearingListed',
  data: { caseId: 'c1', hearingId, hearingType: 'first', court: 'St Albans', courtTier: 'magistrates', scheduledFor: '2026-03-20T10:00:00.000Z' },
  metadata: meta(eventId),
});

describe('effectiveEvents', () => {
  it('merges a correction into the event it corrects and keeps the original id', () => {
    const events: CaseEvent[] = [
      listed('h1', 'e1'),
      { type: 'EventCorrected', data: { caseId: 'c1', correctedEventId: 'e1', data: { court: 'Watford' }, occurredAt: '2026-03-01T09:00:00.000Z', reason: 'typo' }, metadata: meta('e2') },
    ];
    const [only, ...rest] = effectiveEvents(events);
    expect(rest).toHaveLength(0);
    expect(only.metadata.eventId).toBe('e1');
    expect(only.metadata.occurredAt).toBe('2026-03-01T09:00:00.000Z');
    expect(only.type === 'HearingListed' && only.data.court).toBe('Watford');
    expect(only.type === 'HearingListed' && only.data.hearingId).toBe('h1');
  });

  it('leaves out a retracted event and ignores a retracted correction', () => {
    const events: CaseEvent[] = [
      listed('h1', 'e1'),
      listed('h2', 'e2'),
      { type: 'EventCorrected', data: { caseId: 'c1', correctedEventId: 'e2', data: { court: 'Luton' }, reason: 'x' }, metadata: meta('e3') },
      { type: 'EventRetracted', data: { caseId: 'c1', retractedEventId: 'e1', reason: 'entered on the wrong case' }, metadata: meta('e4') },
      { type: 'EventRetracted', data: { caseId: 'c1', retractedEventId: 'e3', reason: 'correction was wrong' }, metadata: meta('e5') },
    ];
    const result = effectiveEvents(events);
    expect(result.map((e) => e.metadata.eventId)).toEqual(['e2']);
    expect(result[0].type === 'HearingListed' && result[0].data.court).toBe('St Albans');
  });
});
