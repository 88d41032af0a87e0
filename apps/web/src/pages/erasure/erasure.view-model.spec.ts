import type { AuditAnswer } from '../audit/audit.view-model';
import { checkedReason } from '../erasure-reason';
import { erasureConfirmViewModel, erasureResultViewModel, erasureStartViewModel, isVictimId, type ErasureAnswer } from './erasure.view-model';

const entry = (changes: Partial<AuditAnswer['entries'][number]>): AuditAnswer['entries'][number] => ({
  sequence: 1,
  at: '2026-11-25T11:00:00.000Z',
  subject: 'wcu.officer',
  agency: 'WCU',
  action: 'victim-details-read',
  caseIds: ['case-a'],
  victimId: 'victim-1',
  purpose: 'hearing-information',
  reason: null,
  ...changes,
});
const audit = (entries: AuditAnswer['entries']): AuditAnswer => ({ total: entries.length, offset: 0, limit: 50, entries, chain: { intact: true, checked: entries.length } });
const answer = (changes: Partial<ErasureAnswer>): ErasureAnswer => ({ victimId: 'victim-1', basis: 'request', cases: [], keyDestroyed: true, notificationsRemoved: 0, readModels: 'forgotten', ...changes });

describe('the reason for an erasure', () => {
  it('is required: blank or spaces are refused beside the field', () => {
    for (const blank of [undefined, '', '   \n ']) expect(checkedReason(blank).errors).toEqual({ errorList: [{ text: expect.stringMatching(/^Enter why/), href: '#reason' }], byField: { reason: expect.stringMatching(/^Enter why/) } });
  });

  it('is trimmed, and refused over the API’s 500 characters', () => {
    expect(checkedReason('  DP-2026-0042 upheld \n')).toEqual({ reason: 'DP-2026-0042 upheld' });
    expect(checkedReason('x'.repeat(500)).errors).toBeUndefined();
    expect(checkedReason('x'.repeat(501)).errors?.byField.reason).toBe('The reason must be 500 characters or fewer');
  });
});

describe('a victim ID as typed', () => {
  it('is not blank and at most 200 characters, as the API takes it', () => {
    expect([isVictimId('v-1'), isVictimId(' '), isVictimId(''), isVictimId('x'.repeat(200)), isVictimId('x'.repeat(201)), isVictimId(undefined)]).toEqual([true, false, false, true, false, false]);
  });
});

describe('the erasure start page', () => {
  it('captions the erasures made as all of them, or the most recent of how many', () => {
    const erased = entry({ action: 'victim-data-erased', purpose: null, reason: 'DP-1' });
    expect(erasureStartViewModel(audit([erased])).erasuresCaption).toBe('The erasure, from the audit log, newest first');
    expect(erasureStartViewModel(audit([erased, erased])).erasuresCaption).toBe('All 2, from the audit log, newest first');
    expect(erasureStartViewModel({ ...audit([erased, erased]), total: 31 }).erasuresCaption).toBe('The 2 most recent of 31, from the audit log');
    expect(erasureStartViewModel(audit([erased])).erasures).toEqual([{ at: '25 Nov 2026, 11:00', who: 'wcu.officer (WCU)', victimId: 'victim-1', reason: 'DP-1', cases: 1 }]);
  });
});

describe('the erasure confirmation page', () => {
  it('names each case the audit log names the victim in once, and the last opening (the log is newest first)', () => {
    const model = erasureConfirmViewModel(
      'victim-1',
      audit([entry({ caseIds: ['case-b'], at: '2026-11-25T10:00:00.000Z', subject: 'cps.lawyer', action: 'victim-journey-read' }), entry({ caseIds: ['case-a', 'case-b'], at: '2026-06-01T09:30:00.000Z' })]),
    );
    expect(model.audit).toEqual({ entries: 2, cases: ['case-b', 'case-a'], lastOpened: '25 Nov 2026, 10:00 by cps.lawyer', erasedBefore: undefined });
    expect(model).toMatchObject({ action: '/victims/victim-1/erasure', auditLink: '/audit?victimId=victim-1', reasonMaxLength: 500 });
  });

  it('says when the log already records an erasure, and when it has nothing about the victim', () => {
    expect(erasureConfirmViewModel('victim-1', audit([entry({ action: 'victim-data-erased', subject: 'dpo.ahmed', at: '2026-01-10T15:00:00.000Z' })])).audit).toMatchObject({ erasedBefore: '10 Jan 2026, 15:00 by dpo.ahmed', lastOpened: undefined });
    expect(erasureConfirmViewModel('v 2/3', audit([]))).toMatchObject({ action: '/victims/v%202%2F3/erasure', audit: { entries: 0, cases: [] } });
  });
});

describe('the erasure result page', () => {
  it('says erased when the read models have forgotten the victim, case by case', () => {
    const model = erasureResultViewModel({ victimId: 'victim-1', answer: answer({ cases: [{ caseId: 'case-a', urn: '47WE0001234', eventId: 'e1', alreadyRecorded: false }], notificationsRemoved: 2 }) });
    expect(model).toMatchObject({ outcome: 'erased', title: 'Personal data erased', cases: [{ caseId: 'case-a', urn: '47WE0001234', status: 'Erasure recorded now' }], notificationsRemoved: 2 });
    expect(model.auditLink).toBe('/audit?victimId=victim-1&action=victim-data-erased');
  });

  it('says still being forgotten when the API answered before the read models read the erasure (202)', () => {
    expect(erasureResultViewModel({ victimId: 'victim-1', answer: answer({ readModels: 'pending', cases: [{ caseId: 'case-a', urn: null, eventId: 'e1', alreadyRecorded: false }] }) })).toMatchObject({ outcome: 'pending', title: 'Personal data erased: still being forgotten' });
  });

  it('says already erased when every case had recorded it, when the API answered 410, and from the audit log later', () => {
    const repeated = erasureResultViewModel({ victimId: 'victim-1', answer: answer({ cases: [{ caseId: 'case-a', urn: null, eventId: 'e1', alreadyRecorded: true }] }) });
    expect(repeated).toMatchObject({ outcome: 'already-erased', cases: [{ urn: 'case-a', status: 'Already recorded before' }] });
    expect(erasureResultViewModel({ victimId: 'victim-1', gone: true })).toMatchObject({ outcome: 'already-erased', cases: [] });
    expect(erasureResultViewModel({ victimId: 'victim-1', gone: true, erasedAt: '2026-07-01T08:00:00.000Z', erasedBy: 'dpo.ahmed' }).text).toBe('The audit log records the erasure on 1 Jul 2026, 09:00 by dpo.ahmed.');
  });

  it('says erased when one case records it now and another had already', () => {
    const cases = [{ caseId: 'case-a', urn: null, eventId: 'e1', alreadyRecorded: true }, { caseId: 'case-b', urn: null, eventId: 'e2', alreadyRecorded: false }];
    expect(erasureResultViewModel({ victimId: 'victim-1', answer: answer({ cases }) }).outcome).toBe('erased');
  });
});
