import type { CaseEvent } from '@case-journey/domain';
import { caseEvent, victim } from '../../../victims-code/src/testing/case-events';
import { charged, ended, referred, reported, vloContact } from '../../../victims-code/src/testing/journey';
import { reportOf, type HandBuiltCases } from '../testing/hand-built-cases';
import { ReportRequestError } from './compute-report';
import type { Report } from './report';

// Monday 3 March 2025, 10:00 UTC (GMT). R4.referral is due 2 working days on: the end of Wednesday 5 March.
const MONDAY = '2025-03-03T10:00:00.000Z';
const MARCH = ['2025-03'];
const AFTER_MARCH = '2025-04-10T12:00:00.000Z';

const row = (report: Report, group: Record<string, string>) => report.rows.find((candidate) => JSON.stringify(candidate.group) === JSON.stringify(group))!;
const figures = (cell: { numerator: number | null; denominator: number | null; value: number | null }) => [cell.numerator, cell.denominator, cell.value];

describe('Code compliance from hand-built cases', () => {
  const cases: HandBuiltCases = {
    a: [reported('r', MONDAY, [victim('v1', { sex: 'female', ethnicity: 'white' })]), referred('f', '2025-03-04T11:00:00.000Z')],
    b: [reported('r', MONDAY, [victim('v1', { sex: 'male', ethnicity: 'black', ageBand: '18-24' })]), referred('f', '2025-03-07T11:00:00.000Z')],
    c: [reported('r', MONDAY, [victim('v1', { sex: 'female', ethnicity: 'white' })])],
    d: [reported('r', MONDAY, [victim('v1', { sex: 'female', ethnicity: 'asian', optOuts: ['support-referral'] })])],
    e: [
      reported('r', MONDAY, [victim('v1', { sex: 'male', ethnicity: 'white' }), victim('v2', { sex: 'female', ethnicity: 'black' })]),
      referred('f1', '2025-03-05T16:00:00.000Z', 'v1'),
      referred('f2', '2025-03-06T09:00:00.000Z', 'v2'),
    ],
  };

  it('counts each entitlement met on time among those due', () => {
    // R4.referral: met on time a, e/v1 = 2; met late b, e/v2 = 2; breached c = 1; due 5; not applicable d = 1.
    const report = reportOf(cases, 'code-compliance', { months: MARCH, groupBy: ['entitlement'] }, AFTER_MARCH);
    const referral = row(report, { entitlement: 'R4.referral' }).cells;
    expect(figures(referral['met-on-time'])).toEqual([2, 5, 2 / 5]);
    expect(figures(referral['met-late'])).toEqual([2, 5, 2 / 5]);
    expect(figures(referral.breached)).toEqual([1, 5, 1 / 5]);
    expect(referral['not-applicable'].value).toBe(1);
    expect(report.rows.map((candidate) => candidate.group.entitlement)).toEqual(['R4.referral']);
    expect(report.total!.cells['met-on-time'].denominator).toBe(5);
  });

  it('gives the same figures per Right, per responsible agency and per standard or enhanced rights', () => {
    const byRight = reportOf(cases, 'code-compliance', { months: MARCH, groupBy: ['right', 'agency', 'rights', 'offence'] }, AFTER_MARCH);
    expect(byRight.rows.map((candidate) => [candidate.group, figures(candidate.cells['met-on-time'])])).toEqual([
      [{ right: '4', agency: 'Police', rights: 'standard', offence: 'burglary' }, [2, 5, 0.4]],
    ]);
  });

  it('compares the groups of a victim characteristic: rate, Wilson interval, rate ratio and significance', () => {
    // female: a met, c breached, e/v2 late: 1 of 3. male: b late, e/v1 met: 1 of 2. Reference: female (most cases).
    const report = reportOf(cases, 'code-compliance', { months: MARCH, groupBy: ['sex'] }, AFTER_MARCH);
    const female = row(report, { sex: 'female' });
    const male = row(report, { sex: 'male' });
    expect(figures(female.cells['met-on-time'])).toEqual([1, 3, 1 / 3]);
    expect(figures(male.cells['met-on-time'])).toEqual([1, 2, 1 / 2]);
    expect(female.comparison).toMatchObject({ isReference: true, reference: 'female', rateRatio: null });
    expect(male.comparison!.rateRatio).toBeCloseTo(0.5 / (1 / 3), 10); // 1.5
    // Wilson 95 % for 1 of 2: (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964: 0.0945 to 0.9055
    expect(male.comparison!.interval!.lower).toBeCloseTo(0.0945, 3);
    expect(male.comparison!.interval!.upper).toBeCloseTo(0.9055, 3);
    expect(male.comparison!.significant).toBe(false);
    expect(report.disproportionality).toEqual({ characteristic: 'sex', column: 'met-on-time', confidence: 0.95 });
  });

  it('given several months, when grouped by area, then each area is one row over them all; by month, one row a month', () => {
    // March: a met on time, c breached (R4.referral due the end of Wednesday 5 March). April: f, reported Monday 7 April
    // (due the end of Wednesday 9 April), referred on the 8th, met on time. All three cases are Hertfordshire's.
    const twoMonths: HandBuiltCases = { a: cases.a, c: cases.c, f: [reported('r', '2025-04-07T10:00:00.000Z', [victim('v1')]), referred('f', '2025-04-08T11:00:00.000Z')] };
    const request = (groupBy: string[]) => reportOf(twoMonths, 'code-compliance', { months: ['2025-03', '2025-04'], groupBy }, '2025-05-10T12:00:00.000Z');
    const shown = (report: Report) => report.rows.map((candidate) => [candidate.group, figures(candidate.cells['met-on-time'])]);
    expect(shown(request(['area']))).toEqual([[{ area: 'Hertfordshire' }, [2, 3, 2 / 3]]]);
    expect(shown(request(['month']))).toEqual([
      [{ month: '2025-03' }, [1, 2, 1 / 2]],
      [{ month: '2025-04' }, [1, 1, 1]],
    ]);
    expect(shown(request(['area', 'month']))).toEqual([
      [{ area: 'Hertfordshire', month: '2025-03' }, [1, 2, 1 / 2]],
      [{ area: 'Hertfordshire', month: '2025-04' }, [1, 1, 1]],
    ]);
  });

  it('as known at an earlier instant: only what was recorded by then, judged then', () => {
    // Wednesday 5 March, noon: a referred (recorded 4 March) is met; b, c and e/v2 not yet due; e/v1 referred at 16:00, after noon.
    const report = reportOf(cases, 'code-compliance', { months: MARCH, groupBy: ['entitlement'] }, '2025-03-05T12:00:00.000Z');
    const referral = row(report, { entitlement: 'R4.referral' }).cells;
    expect(figures(referral['met-on-time'])).toEqual([1, 1, 1]);
    expect(referral['not-yet-due'].value).toBe(4);
    expect(report.basis).toEqual({ kind: 'as-of', asOf: '2025-03-05T12:00:00.000Z' });
  });

  it('refuses a breakdown the measure does not have, naming it', () => {
    expect(() => reportOf(cases, 'code-compliance', { months: MARCH, groupBy: ['courtTier'] }, AFTER_MARCH)).toThrow(ReportRequestError);
    expect(() => reportOf(cases, 'code-compliance', { months: MARCH, groupBy: ['sex', 'offence'] }, AFTER_MARCH)).toThrow('code-compliance cannot be broken down by sex and offence together');
  });
});

describe('handoff timeliness from hand-built cases', () => {
  const chargedOn = (at: string) => [reported('r', MONDAY, [victim('v1')]), charged('c', at, 'charge', 'CPS')];
  const cases: HandBuiltCases = {
    f: [...chargedOn('2025-03-10T10:00:00.000Z'), caseEvent('HearingListed', 'l', '2025-03-11T10:00:00.000Z', 'HMCTS', { hearingId: 'h1', hearingType: 'first', court: 'St Albans', courtTier: 'magistrates', scheduledFor: '2025-03-24T09:00:00.000Z' })],
    g: chargedOn('2025-03-17T10:00:00.000Z'),
    h: chargedOn('2025-03-28T10:00:00.000Z'),
  };

  it('gives the median and 90th percentile in calendar and working days', () => {
    // Report to charge: 7, 14 and 25 days; 5, 10 and 19 working days (no bank holiday in March 2025).
    // Nearest rank of 3 cases: the median is the 2nd, the 90th percentile the 3rd.
    // Charge to first listing (f only): 10 March 10:00 to 24 March 09:00 = 13 whole days, 10 working days.
    const report = reportOf(cases, 'timeliness', { months: MARCH, groupBy: ['interval'] }, AFTER_MARCH);
    const toCharge = row(report, { interval: 'reported-to-charge-decision' }).cells;
    expect([toCharge.cases.value, toCharge['median-days'].value, toCharge['p90-days'].value, toCharge['median-working-days'].value, toCharge['p90-working-days'].value]).toEqual([3, 14, 25, 10, 19]);
    const toListing = row(report, { interval: 'charge-to-first-listing' }).cells;
    expect([toListing.cases.value, toListing['median-days'].value, toListing['median-working-days'].value]).toEqual([1, 13, 10]);
    expect(report.total).toBeNull();
  });
});

describe('file quality from hand-built cases', () => {
  const file = (id: string, at: string, fileId: string, kind = 'full-file') => caseEvent('FileSubmittedToCps', id, at, 'Police', { fileId, kind } as never);
  const review = (id: string, at: string, fileId: string, outcome: 'accepted' | 'returned', missingItems: string[] = []) => caseEvent('FileReviewed', id, at, 'CPS', { fileId, outcome, missingItems });
  const cases: HandBuiltCases = {
    j: [reported('r', MONDAY, [victim('v1')]), file('s1', '2025-03-03T12:00:00.000Z', 'f1'), review('v1', '2025-03-05T12:00:00.000Z', 'f1', 'returned', ['MG5 case summary', 'MG11 statements']), file('s2', '2025-03-10T12:00:00.000Z', 'f1'), review('v2', '2025-03-12T12:00:00.000Z', 'f1', 'accepted')],
    k: [reported('r', MONDAY, [victim('v1')]), file('s1', '2025-03-04T12:00:00.000Z', 'f1', 'pre-charge-advice')],
  };

  it('divides the files returned by the files submitted, and counts the reasons', () => {
    // Three submissions in March (j twice, k once); one returned: 1 / 3.
    expect(figures(reportOf(cases, 'file-quality', { months: MARCH }, AFTER_MARCH).total!.cells.returned)).toEqual([1, 3, 1 / 3]);
    const byKind = reportOf(cases, 'file-quality', { months: MARCH, groupBy: ['fileKind'] }, AFTER_MARCH);
    expect(byKind.rows.map((candidate) => [candidate.group.fileKind, figures(candidate.cells.returned)])).toEqual([
      ['full-file', [1, 2, 0.5]],
      ['pre-charge-advice', [0, 1, 0]],
    ]);
    const reasons = reportOf(cases, 'file-return-reasons', { months: MARCH, groupBy: ['reason'] }, AFTER_MARCH);
    // The MG forms in their numbers' order.
    expect(reasons.rows.map((candidate) => [candidate.group.reason, candidate.cells.items.value])).toEqual([
      ['MG5 case summary', 1],
      ['MG11 statements', 1],
    ]);
  });
});

describe('trial effectiveness from hand-built cases', () => {
  const trial = (result: string, reason?: { code: string; group: string }): CaseEvent[] => [
    reported('r', MONDAY, [victim('v1')]),
    caseEvent('HearingListed', 'l', '2025-03-04T10:00:00.000Z', 'HMCTS', { hearingId: 't1', hearingType: 'trial', court: 'St Albans', courtTier: 'crown', scheduledFor: '2025-03-20T09:00:00.000Z' }),
    caseEvent('HearingHeld', 'h', '2025-03-20T16:00:00.000Z', 'HMCTS', { hearingId: 't1', result, ...(reason ? { ineffectiveReason: reason } : {}) } as never),
  ];
  const cases: HandBuiltCases = {
    t1: trial('effective'),
    t2: trial('cracked'),
    t3: trial('ineffective', { code: 'C1 prosecution witness absent', group: 'prosecution' }),
    t4: trial('ineffective', { code: 'D1 defendant ill', group: 'defence' }),
    t5: trial('vacated'),
  };

  it('gives the effective, cracked, ineffective and vacated rates, and ineffective trials by party and reason', () => {
    // Five trials: effective 1, cracked 1, ineffective 2, vacated 1.
    const total = reportOf(cases, 'trial-effectiveness', { months: MARCH }, AFTER_MARCH).total!.cells;
    expect([total.effective, total.cracked, total.ineffective, total.vacated].map(figures)).toEqual([
      [1, 5, 0.2],
      [1, 5, 0.2],
      [2, 5, 0.4],
      [1, 5, 0.2],
    ]);
    const byParty = reportOf(cases, 'trial-effectiveness', { months: MARCH, groupBy: ['party', 'reasonCode'] }, AFTER_MARCH);
    expect(byParty.rows.filter((candidate) => candidate.cells.ineffective.numerator! > 0).map((candidate) => [candidate.group, candidate.cells.ineffective.numerator])).toEqual([
      [{ party: 'defence', reasonCode: 'D1 defendant ill' }, 1],
      [{ party: 'prosecution', reasonCode: 'C1 prosecution witness absent' }, 1],
    ]);
  });
});

describe('attrition from hand-built cases', () => {
  const withdrew = (id: string, at: string, stage: string) => caseEvent('VictimWithdrewSupport', id, at, 'Police', { victimId: 'v1', stage } as never);
  const cases: HandBuiltCases = {
    l: [reported('r', '2025-01-06T10:00:00.000Z', [victim('v1', { sex: 'female' })]), charged('c', '2025-02-03T10:00:00.000Z', 'charge', 'CPS'), withdrew('w', '2025-02-20T10:00:00.000Z', 'pre-trial'), ended('e', '2025-03-10T10:00:00.000Z', 'discontinued')],
    m: [reported('r', '2025-01-06T10:00:00.000Z', [victim('v1', { sex: 'male' })]), charged('c', '2025-03-12T10:00:00.000Z', 'no-further-action', 'Police')],
    n: [reported('r', '2025-01-06T10:00:00.000Z', [victim('v1', { sex: 'female' })]), withdrew('w', '2025-02-10T10:00:00.000Z', 'pre-charge'), charged('c', '2025-03-14T10:00:00.000Z', 'no-further-action', 'Police')],
    o: [reported('r', '2025-01-06T10:00:00.000Z', [victim('v1', { sex: 'female' })]), charged('c', '2025-03-14T10:00:00.000Z', 'out-of-court-disposal', 'Police')],
  };

  it('counts the victims of concluded cases whose case closed after they withdrew, by stage and by sex', () => {
    // Concluded in March: l (withdrew pre-trial, discontinued), m (NFA), n (withdrew pre-charge, NFA), o (OOCD): 2 of 4.
    expect(figures(reportOf(cases, 'attrition', { months: MARCH }, AFTER_MARCH).total!.cells['victim-withdrew'])).toEqual([2, 4, 0.5]);
    const byStage = reportOf(cases, 'attrition', { months: MARCH, groupBy: ['stage'] }, AFTER_MARCH);
    // pre-charge: n withdrew, m and o closed there: 1 of 3; pre-trial: l: 1 of 1.
    expect(byStage.rows.map((candidate) => [candidate.group.stage, figures(candidate.cells['victim-withdrew'])])).toEqual([
      ['pre-charge', [1, 3, 1 / 3]],
      ['pre-trial', [1, 1, 1]],
    ]);
    const bySex = reportOf(cases, 'attrition', { months: MARCH, groupBy: ['sex'] }, AFTER_MARCH);
    // female: l, n withdrew, o not: 2 of 3 (the reference); male: m: 0 of 1.
    expect(figures(row(bySex, { sex: 'female' }).cells['victim-withdrew'])).toEqual([2, 3, 2 / 3]);
    expect(row(bySex, { sex: 'male' }).comparison).toMatchObject({ rate: 0, rateRatio: 0, isReference: false });
  });
});

describe('victim contact from hand-built cases', () => {
  // Received by Probation Monday 3 February 2025: a first VLO contact is due 20 working days on, the end of Monday 3 March.
  const received = (id: string) => caseEvent('VictimContactSchemeReferralReceived', id, '2025-02-03T10:00:00.000Z', 'Probation', { victimId: 'v1' });
  const start = [reported('r', '2025-01-06T10:00:00.000Z', [victim('v1')]), received('vcs')];
  const cases: HandBuiltCases = {
    p: [...start, vloContact('c', '2025-02-20T10:00:00.000Z')],
    q: [...start, vloContact('c', '2025-03-05T10:00:00.000Z')],
    r: start,
  };

  it('given Rights 4 (due in January) and 11 (due in March), when grouped by Right or entitlement, then Right 4 comes first: numbers in their order as numbers', () => {
    const grouped = (groupBy: string[]) => reportOf(cases, 'code-compliance', { months: ['2025-01', '2025-03'], groupBy }, AFTER_MARCH).rows.map((candidate) => candidate.group[groupBy[0]]);
    expect(grouped(['right'])).toEqual(['4', '11']);
    expect(grouped(['entitlement'])).toEqual(['R4.referral', 'R11.vlo-contact']);
  });

  it('gives the share of referrals and first contacts made on time, late and not made', () => {
    const report = reportOf(cases, 'victim-contact', { months: MARCH, groupBy: ['entitlement'] }, AFTER_MARCH);
    const contact = row(report, { entitlement: 'R11.vlo-contact' }).cells;
    expect([contact['on-time'], contact.late, contact['not-made']].map(figures)).toEqual([
      [1, 3, 1 / 3],
      [1, 3, 1 / 3],
      [1, 3, 1 / 3],
    ]);
    expect(report.rows).toHaveLength(1); // the crime reports' R4.referral obligations are not this measure's
  });
});
