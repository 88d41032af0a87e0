import type { CaseEvent } from '@case-journey/domain';
import { forgetVictim, timelineRecordOf } from './timeline-record';

const sealed = { keyId: 'victim-v1', algorithm: 'aes-256-gcm', iv: 'aXY=', ciphertext: 'c2VjcmV0', authTag: 'dGFn' };
const metadata = { eventId: 'e1', schemaVersion: 1, occurredAt: '2026-03-02T10:00:00.000Z', recordedAt: '2026-03-02T10:00:00.000Z', agency: 'Police', recordedBy: 'test' };
const registration = { victimId: 'v1', kind: 'person', personal: sealed, ageBand: '25-34', under18AtOffence: false, enhancedGrounds: [], contactPreference: 'phone', consentToReferral: true, optOuts: [] };

const asEvent = (type: string, data: object, eventId = 'e1') => ({ type, data, metadata: { ...metadata, eventId } }) as unknown as CaseEvent;

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

describe('forgetVictim', () => {
  const other = { ...registration, victimId: 'v2', contactPreference: 'letter' };
  const records = [
    asEvent('CrimeReported', { caseId: 'c1', area: 'Herts', offence: { description: 'x', category: 'theft' }, victims: [registration, other] }, 'e1'),
    asEvent('VictimNeedsAssessed', { caseId: 'c1', victimId: 'v1', needsIdentified: ['wheelchair access'] }, 'e2'),
    asEvent('VictimInformed', { caseId: 'c1', victimId: 'v2', topic: 'hearing-date', channel: 'letter' }, 'e3'),
    asEvent('EventCorrected', { caseId: 'c1', correctedEventId: 'e2', data: { needsIdentified: ['interpreter: Tigrinya'] }, occurredAt: '2026-03-02T09:00:00.000Z', reason: 'x' }, 'e4'),
    asEvent('HearingListed', { caseId: 'c1', hearingId: 'h1', court: 'Watford' }, 'e5'),
    asEvent('VictimDataErased', { caseId: 'c1', victimId: 'v1', basis: 'request', reason: 'Request upheld' }, 'e6'),
  ];
  const forgotten = forgetVictim(records, 'v1');

  it('takes out everything that described the erased victim, and keeps who did what when', () => {
    expect(JSON.stringify(forgotten)).not.toMatch(/wheelchair|Tigrinya|"contactPreference":"phone"/);
    expect((forgotten[0].data as { victims: unknown[] }).victims[0]).toEqual({ victimId: 'v1', erased: true });
    expect(forgotten[1]).toEqual({ ...records[1], data: { caseId: 'c1', victimId: 'v1' } });
    // the correction of a record about them keeps its change of time, not its change of data
    expect(forgotten[3].data).toEqual({ caseId: 'c1', correctedEventId: 'e2', occurredAt: '2026-03-02T09:00:00.000Z', reason: 'x' });
  });

  it('leaves the other victim, the case and the erasure itself as they were', () => {
    expect((forgotten[0].data as { victims: unknown[] }).victims[1]).toEqual(other);
    expect(forgotten[2]).toBe(records[2]);
    expect(forgotten[4]).toBe(records[4]);
    expect(forgotten[5]).toBe(records[5]);
  });
});
