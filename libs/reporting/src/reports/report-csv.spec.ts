import { parse } from 'csv-parse/sync';
import { caseEvent, victim } from '../../../victims-code/src/testing/case-events';
import { referred, reported } from '../../../victims-code/src/testing/journey';
import { suppressReport } from '../suppression';
import { reportOf } from '../testing/hand-built-cases';
import { reportCsv } from './report-csv';

const MONDAY = '2025-03-03T10:00:00.000Z';
const cases = {
  a: [reported('r', MONDAY, [victim('v1', { sex: 'female' })]), referred('f', '2025-03-04T11:00:00.000Z')],
  b: [reported('r', MONDAY, [victim('v1', { sex: 'male' })])],
  c: [reported('r', MONDAY, [victim('v1', { sex: 'female' })]), caseEvent('VictimReferredToSupport', 'f', '2025-03-04T11:00:00.000Z', 'Police', { victimId: 'v1', service: 'Support, "Beacon" Ltd' })],
};

describe('a report as CSV', () => {
  const report = reportOf(cases, 'code-compliance', { months: ['2025-03'], groupBy: ['sex'] }, '2025-04-10T12:00:00.000Z');

  it('is RFC 4180: CRLF rows, a header, and every row naming the measure, its version and the as-of instant', () => {
    const csv = reportCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, female, male, total] = parse(csv) as string[][];
    expect(header.slice(0, 9)).toEqual(['measure', 'measure version', 'definitions', 'definitions version', 'basis', 'as of', 'areas', 'months', 'sex']);
    expect(header).toContain('met-on-time rate');
    // female: a and c met on time, 2 of 2; male: b breached, 0 of 1; total 2 of 3.
    const at = (name: string) => header.indexOf(name);
    expect([female[at('sex')], female[at('met-on-time numerator')], female[at('met-on-time denominator')], female[at('met-on-time rate')]]).toEqual(['female', '2', '2', '1']);
    expect([male[at('sex')], male[at('met-on-time numerator')], male[at('met-on-time denominator')], male[at('rate ratio')]]).toEqual(['male', '0', '1', '0']);
    expect([total[at('sex')], total[at('met-on-time numerator')], total[at('met-on-time denominator')]]).toEqual(['Total', '2', '3']);
    expect(female.slice(0, 8)).toEqual(['code-compliance', '1', 'shared-measures', '2026.1', 'as-of', '2025-04-10T12:00:00.000Z', 'all', '2025-03..2025-03']);
  });

  it('shows a suppressed figure as [c]', () => {
    const [header, female] = parse(reportCsv(suppressReport(report))) as string[][];
    expect(female[header.indexOf('met-on-time numerator')]).toBe('[c]');
  });
});
