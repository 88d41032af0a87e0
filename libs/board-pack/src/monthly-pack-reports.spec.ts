import type { Report } from '@case-journey/reporting';
import { MonthlyPackReports, type MeasureReportRequest, type MonthlyReports } from './monthly-pack-reports';

const reportAs = (kind: Report['basis']['kind']): Report => ({
  measure: { id: 'code-compliance', title: '', description: '', definitions: '', definitionsVersion: '', version: '', unit: 'proportion', numerator: '', denominator: '', counting: '', headline: 'met-on-time' },
  basis: { kind, asOf: '2025-04-07T23:00:00.000Z' },
  areas: null,
  months: ['2025-03'],
  groupBy: ['entitlement'],
  filters: {},
  disproportionality: null,
  columns: [],
  rows: [],
  total: null,
});

describe("a pack's reports", () => {
  const asked: Array<[string, MeasureReportRequest, string]> = [];
  const reports: MonthlyReports = {
    frozen: async (request, month) => (asked.push(['frozen', request, month]), month === '2025-02' ? reportAs('frozen') : undefined),
    live: async (request, now) => (asked.push(['live', request, now.toISOString()]), reportAs('live')),
  };
  const source = new MonthlyPackReports(reports, () => new Date('2025-04-10T09:00:00.000Z'));

  it("take a month's frozen snapshot where there is one", async () => {
    const report = await source.report({ measure: 'code-compliance', groupBy: ['entitlement'], period: 'last-month', month: '2025-02' }, 'Wessex');
    expect(report.basis.kind).toBe('frozen');
    expect(asked.pop()).toEqual(['frozen', { measure: 'code-compliance', groupBy: ['entitlement'], months: ['2025-02'], areas: ['Wessex'] }, '2025-02']);
  });

  it('else the live figures for that month, for every area when none is named', async () => {
    const report = await source.report({ measure: 'code-compliance', groupBy: ['sex'], period: 'this-month', month: '2025-03' }, null);
    expect(report.basis.kind).toBe('live');
    expect(asked.pop()).toEqual(['live', { measure: 'code-compliance', groupBy: ['sex'], months: ['2025-03'] }, '2025-04-10T09:00:00.000Z']);
  });
});
