import type { CaseEvent } from '@case-journey/domain';
import { timelineRecordOf } from './timeline-record';

const sealed = { keyId: 'victim-v1', algorithm: 'aes-256-gcm', iv: 'aXY=', ciphertext: 'c2VjcmV0', authTag: 'dGFn' };
const metadata = { eventId: 'e1', schemaVersion: 1, occurredAt: '2026-03-02T10:00:00.000Z', recordedAt: '2026-03-02T10:00:00.000Z', agency: 'Police', recordedBy: 'test' };
const registration = { victimId: 'v1', kind: 'person', personal: sealed, ageBand: '25-34', under18AtOffence: false, enhancedGrounds: [], contactPreference: 'phone', consentToReferral: true, optOuts: [] };

const asEvent = (type: string, data: object) => ({ type, data, metadata }) as unknown as CaseEvent;

describe('timelineRecordOf', () => {
  it.each([
    ['a crime report', asEvent('CrimeReported', { caseId: 'c1', area: 'Herts', offence: { description: 'x', category: 'theft' }, victims: [registration] })],
    ['a victim registration', asEvent('VictimRegistered', { caseId: 'c1', victim: registration })],
    ['a correction that carries victims', asEvent('EventCorrected', { caseId: 'c1', correctedEventId: 'e0', data: { victims: [registration] }, reason: 'x' })],
    ['a correction that carries a victim', asEvent('EventCorrected', { caseId: 'c1', correctedEventId: 'e0', data: { victim: registration }, reason: 'x' })],
  ])('keeps no sealed personal details of %s, and everything else', (_, event) => {
    const record = timelineRecordOf(event);
    expect(JSON.stringify(record)).not.toContain(sealed.ciphertext);
    expect(JSON.stringify(record)).toContain('"ageBand":"25-34"');
  });

  it('keeps other events as they are', () => {
    const listed = asEvent('HearingListed', { caseId: 'c1', hearingId: 'h1' });
    expect(timelineRecordOf(listed)).toBe(listed);
  });
});
