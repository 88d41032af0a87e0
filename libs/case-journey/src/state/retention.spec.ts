import { aCrimeReport, anEvent, aReportedCase, aVictim } from '../testing/case-builders';
import { caseStateFrom } from './evolve';
import { retentionCandidates, retentionCutoff, victimRetentionOf } from './retention';

const nfa = (occurredAt: string) => anEvent('ChargeDecisionMade', { decision: 'no-further-action', decidedBy: 'CPS', charges: [] }, { occurredAt, agency: 'CPS' });

describe('retention', () => {
  it('cuts off whole calendar years before now', () => {
    expect(retentionCutoff(new Date('2032-03-11T09:00:00.000Z'), 6).toISOString()).toBe('2026-03-11T09:00:00.000Z');
    // 29 February six years on is 1 March
    expect(retentionCutoff(new Date('2030-03-01T00:00:00.000Z'), 6).toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  describe('given a case closed by a decision to take no further action on 11 March 2026', () => {
    const closed = caseStateFrom([...aReportedCase(), nfa('2026-03-11T10:00:00.000Z')]);

    it('is past retention for a cutoff after the closure, and not for one at or before it', () => {
      expect(victimRetentionOf(closed, new Date('2026-03-11T10:00:00.001Z'))).toEqual([
        { victimId: 'victim-1', caseId: closed.caseId, urn: '01AB2345624', closure: { reason: 'no-further-action', at: '2026-03-11T10:00:00.000Z' }, past: true },
      ]);
      expect(victimRetentionOf(closed, new Date('2026-03-11T10:00:00.000Z'))[0].past).toBe(false);
    });

    it('leaves out a victim whose data is already erased', () => {
      const erased = caseStateFrom([...aReportedCase(), nfa('2026-03-11T10:00:00.000Z'), anEvent('VictimDataErased', { victimId: 'victim-1', basis: 'request', reason: 'x' })]);
      expect(victimRetentionOf(erased, new Date('2030-01-01T00:00:00.000Z'))).toEqual([]);
    });
  });

  it('is never past retention for an open case', () => {
    expect(victimRetentionOf(caseStateFrom(aReportedCase()), new Date('2099-01-01T00:00:00.000Z'))).toEqual([expect.objectContaining({ closure: null, past: false })]);
  });

  it('lists a victim only when every case that registers them is past retention', () => {
    const cutoff = new Date('2030-01-01T00:00:00.000Z');
    const caseOf = (caseId: string, urn: string, victimIds: string[], closedAt?: string) =>
      victimRetentionOf(
        caseStateFrom([aCrimeReport({ caseId, urn, victims: victimIds.map((victimId) => aVictim({ victimId })) }, { eventId: `${caseId}-report` }), ...(closedAt ? [nfa(closedAt)].map((event) => ({ ...event, data: { ...event.data, caseId } })) : [])]),
        cutoff,
      );
    const standings = [...caseOf('case-a', '42AB0000126', ['shared', 'only-a'], '2026-03-11T10:00:00.000Z'), ...caseOf('case-b', '42AB0000234', ['shared'])];
    expect(retentionCandidates(standings)).toEqual([{ victimId: 'only-a', cases: [{ caseId: 'case-a', urn: '42AB0000126', closure: { reason: 'no-further-action', at: '2026-03-11T10:00:00.000Z' } }] }]);
  });
});
