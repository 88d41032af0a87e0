import { victim } from '../../../victims-code/src/testing/case-events';
import { referred, reported } from '../../../victims-code/src/testing/journey';
import { SHARED_MEASURES } from '../measures/shared-measures';
import { measureInForce } from '../measures/measure-definitions';
import { caseCellsOf, reportOf, type HandBuiltCases } from '../testing/hand-built-cases';
import { caseShareOf, figureOf, type FigurePart } from './case-share';
import { ReportRequestError } from './compute-report';

// Monday 3 March 2025, 10:00 UTC. R4.referral is due 2 working days on: the end of Wednesday 5 March.
const MONDAY = '2025-03-03T10:00:00.000Z';
const AFTER_MARCH = '2025-04-10T12:00:00.000Z';
const measure = measureInForce(SHARED_MEASURES, 'code-compliance', '2025-04-10')!;
const request = { groupBy: [], areas: null, months: ['2025-03'], filters: { entitlement: 'R4.referral' } };
const basis = { kind: 'as-of' as const, asOf: AFTER_MARCH };

describe('the cases behind a figure', () => {
  // a: referred on time; b: late; c: never (breached); d: opted out (not applicable); e: one victim on time, one late.
  const cases: HandBuiltCases = {
    a: [reported('r', MONDAY, [victim('v1')]), referred('f', '2025-03-04T11:00:00.000Z')],
    b: [reported('r', MONDAY, [victim('v1')]), referred('f', '2025-03-07T11:00:00.000Z')],
    c: [reported('r', MONDAY, [victim('v1')])],
    d: [reported('r', MONDAY, [victim('v1', { optOuts: ['support-referral'] })])],
    e: [reported('r', MONDAY, [victim('v1'), victim('v2')]), referred('f1', '2025-03-05T16:00:00.000Z', 'v1'), referred('f2', '2025-03-06T09:00:00.000Z', 'v2')],
  };
  const shares = (part: FigurePart | undefined, column?: string) =>
    Object.fromEntries(Object.entries(cases).map(([caseId, events]) => [caseId, caseShareOf(SHARED_MEASURES, measure, caseCellsOf(caseId, events, AFTER_MARCH), request, basis, figureOf(measure, column, part)).count]));

  it("given the headline's base (the referrals due), when each case's share is read, then each counts its own due referrals and together they make the figure", () => {
    // Due: a 1, b 1, c 1, d none (not applicable), e 2 — 5 in all.
    expect(shares(undefined)).toEqual({ a: 1, b: 1, c: 1, d: 0, e: 2 });
    expect(reportOf(cases, 'code-compliance', request, AFTER_MARCH).total!.cells['met-on-time'].denominator).toBe(5);
  });

  it('given the numerator, then only the referrals made on time count: a, and the first of e', () => {
    expect(shares('numerator')).toEqual({ a: 1, b: 0, c: 0, d: 0, e: 1 });
  });

  it('given a column other than the headline, then its own outcomes count: breached is c alone, not applicable d alone', () => {
    expect(shares('numerator', 'breached')).toEqual({ a: 0, b: 0, c: 1, d: 0, e: 0 });
    expect(shares(undefined, 'not-applicable')).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 0 });
  });

  it("gives a case's own row of the report beside its count", () => {
    const e = caseShareOf(SHARED_MEASURES, measure, caseCellsOf('e', cases.e, AFTER_MARCH), request, basis, figureOf(measure, undefined, undefined));
    expect(e.cells['met-on-time']).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('refuses a column the measure has not, and a part a count has not, naming the field', () => {
    expect(() => figureOf(measure, 'speed', undefined)).toThrow(new ReportRequestError('column', 'code-compliance has the columns met-on-time, met-late, breached, not-applicable, not-yet-due'));
    expect(() => figureOf(measure, 'not-applicable', 'denominator')).toThrow(ReportRequestError);
    expect(figureOf(measure, 'not-applicable', 'numerator').part).toBe('numerator');
  });
});
