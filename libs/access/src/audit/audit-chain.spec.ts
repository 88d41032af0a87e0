import { createHash } from 'node:crypto';
import { chainEntries, EMPTY_CHAIN, GENESIS_HASH, headOf } from './audit-chain';
import type { AuditEntry, AuditRecord } from './audit-entry';
import { matchesAuditFilter } from './audit-filter';
import { verifyChain } from './chain-verification';

const aRecord = (changes: Partial<AuditRecord> = {}): AuditRecord => ({
  at: '2026-11-23T10:00:00.000Z',
  subject: 'wcu.jones',
  agency: 'WCU',
  action: 'victim-details-read',
  caseIds: ['case-1'],
  victimId: 'victim-1',
  purpose: 'contact-about-hearing',
  reason: null,
  ...changes,
});
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the audit chain', () => {
  const entries = chainEntries(EMPTY_CHAIN, [aRecord(), aRecord({ subject: 'wcu.patel', victimId: 'victim-2' }), aRecord({ action: 'worklist-read', caseIds: ['case-1', 'case-2'], victimId: null, purpose: null })]);

  it('numbers the entries and links each to the hash of the one before, starting from the genesis hash', () => {
    expect(entries.map((entry) => entry.sequence)).toEqual([0, 1, 2]);
    expect(entries[0].previousHash).toBe(GENESIS_HASH);
    expect(entries[1].previousHash).toBe(entries[0].hash);
    expect(entries[2].previousHash).toBe(entries[1].hash);
    // The hash is SHA-256 over the fields in a fixed order, worked out here by hand for the first entry.
    expect(entries[0].hash).toBe(
      sha256(JSON.stringify([0, GENESIS_HASH, '2026-11-23T10:00:00.000Z', 'wcu.jones', 'WCU', 'victim-details-read', ['case-1'], 'victim-1', 'contact-about-hearing', null])),
    );
  });

  it('continues from a head: a second batch chains on as if written with the first', () => {
    const first = chainEntries(EMPTY_CHAIN, [aRecord()]);
    const second = chainEntries(headOf(first[0]), [aRecord({ subject: 'wcu.patel', victimId: 'victim-2' })]);
    expect([...first, ...second]).toEqual(entries.slice(0, 2));
  });

  it('verifies whole when nothing was touched, and reports the head to keep', () => {
    expect(verifyChain(entries, EMPTY_CHAIN)).toEqual({ intact: true, checked: 3, firstSequence: 0, lastSequence: 2, headHash: entries[2].hash });
    expect(verifyChain(entries.slice(1), headOf(entries[0]))).toMatchObject({ intact: true, checked: 2, firstSequence: 1 });
    expect(verifyChain([], EMPTY_CHAIN)).toEqual({ intact: true, checked: 0, firstSequence: null, lastSequence: null, headHash: GENESIS_HASH });
  });

  it('detects a removed entry where it was', () => {
    expect(verifyChain([entries[0], entries[2]], EMPTY_CHAIN)).toMatchObject({ intact: false, checked: 1, brokenAt: 2, problem: 'missing', detail: 'Entry 1 before entry 2 is missing' });
    expect(verifyChain(entries.slice(1), EMPTY_CHAIN)).toMatchObject({ intact: false, brokenAt: 1, problem: 'missing' });
  });

  it('detects an altered entry, and one replaced by a rehashed forgery', () => {
    const altered: AuditEntry = { ...entries[1], subject: 'someone.else' };
    expect(verifyChain([entries[0], altered, entries[2]], EMPTY_CHAIN)).toMatchObject({ intact: false, brokenAt: 1, problem: 'altered' });

    const [forged] = chainEntries(headOf(entries[0]), [aRecord({ subject: 'someone.else' })]);
    expect(verifyChain([entries[0], forged, entries[2]], EMPTY_CHAIN)).toMatchObject({ intact: false, brokenAt: 2, problem: 'relinked' });
  });

  it('detects entries repeated or out of order', () => {
    expect(verifyChain([entries[0], entries[1], entries[1]], EMPTY_CHAIN)).toMatchObject({ intact: false, brokenAt: 1, problem: 'relinked' });
  });
});

describe('the audit filter', () => {
  const [entry] = chainEntries(EMPTY_CHAIN, [aRecord({ caseIds: ['case-1', 'case-2'] })]);

  it('keeps an entry only when every criterion given holds', () => {
    expect(matchesAuditFilter(entry, {})).toBe(true);
    expect(matchesAuditFilter(entry, { caseId: 'case-2', subject: 'wcu.jones', action: 'victim-details-read', victimId: 'victim-1' })).toBe(true);
    expect(matchesAuditFilter(entry, { caseId: 'case-3' })).toBe(false);
    expect(matchesAuditFilter(entry, { subject: 'wcu.patel' })).toBe(false);
    expect(matchesAuditFilter(entry, { from: new Date('2026-11-23T10:00:00.000Z'), to: new Date('2026-11-23T10:00:00.000Z') })).toBe(true);
    expect(matchesAuditFilter(entry, { from: new Date('2026-11-23T10:00:00.001Z') })).toBe(false);
    expect(matchesAuditFilter(entry, { to: new Date('2026-11-23T09:59:59.999Z') })).toBe(false);
  });
});
