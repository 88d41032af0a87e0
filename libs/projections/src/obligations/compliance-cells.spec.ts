import fc from 'fast-check';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseObligationsOf } from './case-obligations';
import { ComplianceCounts, countChanges, type CounterCells } from './compliance-cells';

/** One reading's cells, as a batch of that case alone counts them. */
const complianceCells = (doc: Parameters<ComplianceCounts['add']>[0]): CounterCells => new ComplianceCounts().add(doc).cells();

const calendar = new WorkingDayCalendar();
const CASE = 'c-1';
const reported = aCrimeReport(CASE, '2025-03-03T10:00:00.000Z', [aVictim('v-1', { ageBand: '18-24', ethnicity: undefined })], 'Avon and Somerset');
const referredLate = aCaseEvent(CASE, 'VictimReferredToSupport', '2025-03-07T09:00:00.000Z', 'Police', { victimId: 'v-1', service: 'Lighthouse' });
const AFTER = new Date('2025-04-01T12:00:00.000Z');

describe('complianceCells', () => {
  it('counts each obligation by area, month of its due instant, rule, kind, agency, rights, offence and status, and by each victim characteristic', () => {
    const cells = complianceCells(caseObligationsOf(CASE, [reported], AFTER, calendar));

    expect(cells.get('compliance:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|burglary|breached')).toBe(1);
    expect(cells.get('summary:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|breached')).toBe(1);
    expect(cells.get('victims-ageBand:Avon%20and%20Somerset:2025-03#R4.referral|18-24|breached')).toBe(1);
    expect(cells.get('victims-ethnicity:Avon%20and%20Somerset:2025-03#R4.referral|not-recorded|breached')).toBe(1);
    // touchpoints without a deadline count in the month their clock started
    expect(cells.get('compliance:Avon%20and%20Somerset:2025-03#R3.written-confirmation|touchpoint|Police|standard|burglary|pending')).toBe(1);
  });

  it('given no reading, counts nothing', () => {
    expect(complianceCells(null).size).toBe(0);
  });

  it('adds a reading after and takes away the one before in the same counts: one from breached, one to met late, nothing else moved', () => {
    const counts = new ComplianceCounts()
      .add(caseObligationsOf(CASE, [reported, referredLate], AFTER, calendar))
      .add(caseObligationsOf(CASE, [reported], AFTER, calendar), -1)
      .cells();

    expect(Object.fromEntries([...counts].filter(([, n]) => n !== 0))).toEqual({
      'compliance:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|burglary|breached': -1,
      'compliance:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|burglary|met-late': 1,
      'summary:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|breached': -1,
      'summary:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|met-late': 1,
      'victims-ageBand:Avon%20and%20Somerset:2025-03#R4.referral|18-24|breached': -1,
      'victims-ageBand:Avon%20and%20Somerset:2025-03#R4.referral|18-24|met-late': 1,
      'victims-sex:Avon%20and%20Somerset:2025-03#R4.referral|female|breached': -1, // aVictim's own default
      'victims-sex:Avon%20and%20Somerset:2025-03#R4.referral|female|met-late': 1,
      'victims-ethnicity:Avon%20and%20Somerset:2025-03#R4.referral|not-recorded|breached': -1,
      'victims-ethnicity:Avon%20and%20Somerset:2025-03#R4.referral|not-recorded|met-late': 1,
    });
  });
});

describe('ComplianceCounts', () => {
  const otherOffence = (caseId: string) => {
    const report = aCrimeReport(caseId, '2025-03-03T10:00:00.000Z', [aVictim(`${caseId}-v`, { ageBand: '18-24', ethnicity: undefined })], 'Avon and Somerset');
    return { ...report, data: { ...report.data, offence: { description: 'Criminal damage', category: 'other' as const } } };
  };

  it('given two cases of one area and month but different offences, counts each offence apart and the summary, which leaves the offence out, as both', () => {
    const counts = new ComplianceCounts()
      .add(caseObligationsOf('c-1', [reported], AFTER, calendar))
      .add(caseObligationsOf('c-2', [otherOffence('c-2')], AFTER, calendar))
      .cells();

    expect(counts.get('compliance:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|burglary|breached')).toBe(1);
    expect(counts.get('compliance:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|other|breached')).toBe(1);
    expect(counts.get('summary:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|breached')).toBe(2);
    expect(counts.get('victims-ageBand:Avon%20and%20Somerset:2025-03#R4.referral|18-24|breached')).toBe(2);
  });
});

describe('countChanges', () => {
  it('given a breach that a late referral turns into met late, takes one from breached and adds one to met late', () => {
    const breached = complianceCells(caseObligationsOf(CASE, [reported], AFTER, calendar));
    const metLate = complianceCells(caseObligationsOf(CASE, [reported, referredLate], AFTER, calendar));
    const changes = countChanges(breached, metLate);

    expect(changes.get('compliance:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|burglary|breached')).toBe(-1);
    expect(changes.get('compliance:Avon%20and%20Somerset:2025-03#R4.referral|deadline|Police|standard|burglary|met-late')).toBe(1);
  });

  it('takes any counts to any others exactly: before plus the changes is after, and nothing unchanged is touched', () => {
    const counts = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(counts, counts, (before, after) => {
        const changes = countChanges(new Map(Object.entries(before)), new Map(Object.entries(after)));
        const result: CounterCells = new Map(Object.entries(before));
        for (const [cell, change] of changes) {
          expect(change).not.toBe(0);
          result.set(cell, (result.get(cell) ?? 0) + change);
        }
        expect(Object.fromEntries([...result].filter(([, n]) => n !== 0))).toEqual(after);
      }),
    );
  });
});
