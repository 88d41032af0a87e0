import { complianceRows, countersFor, groupingProblem, timelinessSummaries, type CounterHash } from './compliance-figures';

const march: CounterHash = {
  area: 'Wessex',
  month: '2025-03',
  fields: {
    'R4.referral|deadline|Police|standard|burglary|met': '6',
    'R4.referral|deadline|Police|standard|burglary|met-late': '1',
    'R4.referral|deadline|Police|enhanced|burglary|breached': '1',
    'R8.hearing-date|deadline|WCU|standard|robbery|met': '3',
    'R8.hearing-date|deadline|WCU|standard|robbery|pending': '2',
    'R8.hearing-date|deadline|WCU|standard|robbery|breached': '0',
  },
};
const april: CounterHash = { area: 'Anglia', month: '2025-04', fields: { 'R4.referral|deadline|Police|standard|theft|breached': '2' } };

describe('complianceRows', () => {
  it('adds the counts up by the chosen dimensions and gives due, met on time and the rate', () => {
    const rows = complianceRows([march, april], ['entitlement']);
    expect(rows).toEqual([
      expect.objectContaining({ group: { entitlement: 'R4.referral' }, due: 10, metOnTime: 6, metLate: 1, breached: 3, open: 0, rate: 0.6 }),
      expect.objectContaining({ group: { entitlement: 'R8.hearing-date' }, due: 3, metOnTime: 3, breached: 0, open: 2, rate: 1 }),
    ]);
  });

  it('breaks down by area, month, agency and rights at once', () => {
    const rows = complianceRows([march, april], ['area', 'month', 'agency', 'rights']);
    expect(rows.map((row) => [row.group, row.due])).toEqual([
      [{ area: 'Anglia', month: '2025-04', agency: 'Police', rights: 'standard' }, 2],
      [{ area: 'Wessex', month: '2025-03', agency: 'Police', rights: 'enhanced' }, 1],
      [{ area: 'Wessex', month: '2025-03', agency: 'Police', rights: 'standard' }, 7],
      [{ area: 'Wessex', month: '2025-03', agency: 'WCU', rights: 'standard' }, 3],
    ]);
  });

  it('gives no rate where nothing was due', () => {
    const [row] = complianceRows([{ area: 'Wessex', month: '2025-05', fields: { 'R8.hearing-date|deadline|WCU|standard|robbery|pending': '4' } }], []);
    expect(row).toMatchObject({ group: {}, due: 0, open: 4, rate: null });
  });

  it('reads victim characteristics from their own counts', () => {
    const byAge: CounterHash = { area: 'Wessex', month: '2025-03', fields: { 'R4.referral|18-24|met': '2', 'R4.referral|18-24|breached': '2' } };
    expect(complianceRows([byAge], ['ageBand'])).toEqual([expect.objectContaining({ group: { ageBand: '18-24' }, due: 4, rate: 0.5 })]);
  });
});

describe('complianceRows over the summary counts', () => {
  it('gives the same figures as the full counts for any breakdown without the offence', () => {
    const summary: CounterHash = {
      area: 'Wessex',
      month: '2025-03',
      fields: { 'R4.referral|deadline|Police|standard|met': '6', 'R4.referral|deadline|Police|standard|met-late': '1', 'R4.referral|deadline|Police|enhanced|breached': '1', 'R8.hearing-date|deadline|WCU|standard|met': '3', 'R8.hearing-date|deadline|WCU|standard|pending': '2' },
    };
    for (const groupBy of [['entitlement'], ['agency', 'rights'], ['right', 'kind'], []] as const) {
      expect(complianceRows([summary], groupBy)).toEqual(complianceRows([march], groupBy));
    }
  });

  it('is read unless the breakdown needs the offence or a victim characteristic', () => {
    expect(countersFor(['area', 'entitlement', 'agency', 'rights'])).toBe('summary');
    expect(countersFor(['entitlement', 'offence'])).toBe('compliance');
    expect(countersFor(['entitlement', 'ethnicity'])).toBe('victims-ethnicity');
  });
});

describe('groupingProblem', () => {
  it('refuses two victim characteristics at once, or one crossed with what its counts do not keep', () => {
    expect(groupingProblem(['area', 'entitlement', 'agency'])).toBeUndefined();
    expect(groupingProblem(['sex', 'month'])).toBeUndefined();
    expect(groupingProblem(['sex', 'ethnicity'])).toMatch(/at most one/);
    expect(groupingProblem(['sex', 'agency'])).toMatch(/not agency/);
  });
});

describe('timelinessSummaries', () => {
  it('gives the median and 90th percentile of each measure from its histogram', () => {
    const hashes: CounterHash[] = [
      { area: 'Wessex', month: '2025-03', fields: { 'reported-to-charge-decision|10': '5', 'reported-to-charge-decision|20': '4', 'court-to-wcu-receipt|3': '2' } },
      { area: 'Wessex', month: '2025-04', fields: { 'reported-to-charge-decision|40': '1' } },
    ];
    const [reportedToDecision, , , , courtToWcu] = timelinessSummaries(hashes);
    expect(reportedToDecision).toEqual({ measure: 'reported-to-charge-decision', unit: 'days', count: 10, median: 10, p90: 20, histogram: { '10': 5, '20': 4, '40': 1 } });
    expect(courtToWcu).toMatchObject({ unit: 'working-days', count: 2, median: 3, p90: 3 });
  });
});
