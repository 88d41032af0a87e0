import type { OffenceCategory } from '@case-journey/domain';
import { VICTIMS_CODE_2020 } from '@case-journey/victims-code';
import { expectedChargingShares, expectedEnhancedShare } from './testing/calibration';
import { DAY_MS, shareOf } from './distributions';
import type { GeneratorProfile, OffenceProfile, SentencingProfile } from './profile';
import { DEMO_PROFILE } from './profiles';
import { calendar, generate } from './testing/generate';
import {
  chargingOutcomes,
  courtResultsOnTime,
  enhancedShare,
  observed,
  onTimeByAreaAndAgency,
  trialOutcomes,
  type Measured,
} from './testing/observed-rates';

/**
 * The stated tolerance: an observed rate is within four binomial standard errors of the configured
 * one, plus one point. Four standard errors fail a correct generator about once in 16,000 checks;
 * the seed is fixed, so a pass is stable. Each cell must hold enough observations for the check to
 * mean something (a tolerance of at most about 0.1).
 */
const tolerance = ({ expected, n }: Measured) => 4 * Math.sqrt((expected * (1 - expected)) / n) + 0.01;
const MIN_OBSERVATIONS = 150;

function expectCalibrated(cells: readonly Measured[]): void {
  const off = cells.filter((cell) => cell.n < MIN_OBSERVATIONS || Math.abs(observed(cell) - cell.expected) > tolerance(cell));
  expect(off.map((cell) => `${cell.label}: observed ${observed(cell).toFixed(3)} of ${cell.n}, configured ${cell.expected.toFixed(3)} ± ${tolerance(cell).toFixed(3)}`)).toEqual([]);
}

const nowMs = Date.parse(DEMO_PROFILE.now);

/** The demo's offence mix and areas over two years, so that a year of cases has finished its investigation. */
const everyday: GeneratorProfile = { ...DEMO_PROFILE, reportingDays: 730 };

/** Every case charged and contested, every conviction a custodial sentence: the court's and Probation's rates get numbers. */
const contested: GeneratorProfile = {
  ...everyday,
  offences: Object.fromEntries(
    Object.entries(DEMO_PROFILE.offences).map(([category, offence]) => [category, { ...offence, chargeShare: 1, outOfCourtShare: 0, crownCourtShare: 0.5 }]),
  ) as Record<OffenceCategory, OffenceProfile>,
  prosecution: { ...DEMO_PROFILE.prosecution, guiltyPleaWhenAnticipated: 0, guiltyPleaOtherwise: 0, discontinued: 0, victimWithdrawsBeforeTrial: 0 },
  victimContactScheme: { ...DEMO_PROFILE.victimContactScheme, optOut: 0 },
  sentencing: Object.fromEntries(
    Object.keys(DEMO_PROFILE.sentencing).map((band) => [band, { disposals: { custody: 0.9, 'hospital-order': 0.1 }, custodyMonths: { median: 24, p90: 60 } }]),
  ) as Record<keyof GeneratorProfile['sentencing'], SentencingProfile>,
};

describe('observed rates match the configured ones', () => {
  const { cases: everydayCases } = generate(everyday, { cases: 6000, seed: 1 });
  const { cases: contestedCases } = generate(contested, { cases: 3000, seed: 2 });

  it('the share of victims with enhanced rights that follows from the offence mix, ages and repeat targeting', () => {
    const expected = expectedEnhancedShare(everyday, VICTIMS_CODE_2020);
    expect(expected).toBeGreaterThan(0.2);
    expectCalibrated([enhancedShare(everydayCases, nowMs - 90 * DAY_MS, nowMs, expected)]);
  });

  it('charging outcomes, files returned, and closures because the victim withdrew support (29%)', () => {
    const { charged, outOfCourt } = expectedChargingShares(everyday);
    const victimWithdrew = shareOf(everyday.investigation.closedBecause, 'victim-withdrew');
    expect(victimWithdrew).toBeCloseTo(0.29);
    expectCalibrated(chargingOutcomes(everydayCases, nowMs - 365 * DAY_MS, { charged, outOfCourt, victimWithdrew, fileReturned: everyday.investigation.fileReturned }));
  });

  it('trial outcomes by court tier (Crown Court 48% effective, 23% ineffective; 35% cracked)', () => {
    const cells = trialOutcomes(contestedCases, contested);
    expect(cells.map((cell) => cell.label)).toEqual([
      'crown trials cracked',
      'crown trials effective',
      'crown trials ineffective',
      'magistrates trials cracked',
      'magistrates trials effective',
      'magistrates trials ineffective',
    ]);
    expect(cells.find((cell) => cell.label === 'crown trials effective')?.expected).toBeCloseTo(0.48);
    expectCalibrated(cells);
  });

  it('each agency’s Victims’ Code on-time rate in each area, as the compliance engine judges it', () => {
    const cells = onTimeByAreaAndAgency([...everydayCases, ...contestedCases], everyday, nowMs);
    expect(cells.map((cell) => cell.label)).toEqual(
      expect.arrayContaining(['Anglia CPS', 'Anglia Police', 'Anglia Probation', 'Anglia WCU', 'Wessex CPS', 'Wessex Police', 'Wessex Probation', 'Wessex WCU']),
    );
    expectCalibrated(cells);
    const wcu = (area: string) => observed(cells.find((cell) => cell.label === `${area} WCU`) as Measured);
    expect(wcu('Wessex') - wcu('Anglia')).toBeGreaterThan(0.15);
  });

  it('the court passing results to the Witness Care Unit within 5 working days, per area', () => {
    expectCalibrated(courtResultsOnTime(contestedCases, contested, nowMs, calendar));
  });

  it('first hearings about 14 days after charge when a guilty plea is anticipated, 28 when not', () => {
    const medianDaysToFirstHearing = (anticipatedGuiltyPlea: number) => {
      const { cases } = generate({ ...contested, prosecution: { ...contested.prosecution, anticipatedGuiltyPlea } }, { cases: 600, seed: 3 });
      const days = cases.flatMap(({ events }) => {
        const charge = events.find((event) => event.type === 'ChargeDecisionMade');
        const first = events.find((event) => event.type === 'HearingListed' && event.data.hearingType === 'first');
        if (!charge || first?.type !== 'HearingListed') return [];
        return [(Date.parse(first.data.scheduledFor) - Date.parse(charge.metadata.occurredAt)) / DAY_MS];
      });
      expect(days.length).toBeGreaterThan(300);
      return days.sort((a, b) => a - b)[Math.floor(days.length / 2)];
    };
    // Courts sit on working days, so a hearing moves to the next one: a day or two later at most.
    expect(medianDaysToFirstHearing(1)).toBeGreaterThanOrEqual(13.5);
    expect(medianDaysToFirstHearing(1)).toBeLessThan(16);
    expect(medianDaysToFirstHearing(0)).toBeGreaterThanOrEqual(27.5);
    expect(medianDaysToFirstHearing(0)).toBeLessThan(30);
  });
});
