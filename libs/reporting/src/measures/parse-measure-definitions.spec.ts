import sharedMeasures from '../../definitions/shared-measures.json';
import { measureInForce, measuresInForce } from './measure-definitions';
import { MeasureDefinitionsError, parseMeasureDefinitions } from './parse-measure-definitions';
import { SHARED_MEASURES } from './shared-measures';

const entitlements = [...new Set(SHARED_MEASURES.measures.flatMap((measure) => measure.entitlements ?? []))];
const copy = (): { measures: Array<Record<string, unknown>> } & Record<string, unknown> => JSON.parse(JSON.stringify(sharedMeasures));
const issuesOf = (json: unknown): string[] => {
  try {
    parseMeasureDefinitions(json, { entitlements });
  } catch (error) {
    if (error instanceof MeasureDefinitionsError) return error.issues;
    throw error;
  }
  return [];
};

describe('the shared measures file', () => {
  it('loads, with at least the measures boards were promised', () => {
    expect(SHARED_MEASURES.measures.map((measure) => measure.id)).toEqual(
      expect.arrayContaining(['code-compliance', 'timeliness', 'file-quality', 'file-return-reasons', 'trial-effectiveness', 'attrition', 'victim-contact']),
    );
    expect(SHARED_MEASURES.version).toBe('2026.1');
  });

  it('breaks every compliance and attrition measure down by age band, sex and ethnicity', () => {
    for (const id of ['code-compliance', 'attrition', 'victim-contact']) {
      expect(SHARED_MEASURES.measures.find((measure) => measure.id === id)!.disproportionality).toEqual(['ageBand', 'sex', 'ethnicity']);
    }
  });
});

describe('checking a definitions file on load', () => {
  it('names the entry and the field of every problem at once', () => {
    const json = copy();
    const quality = json.measures.find((measure) => measure.id === 'file-quality')!;
    (quality.columns as Array<Record<string, unknown>>)[0].numerator = ['sent back'];
    quality.breakdowns = ['area', 'agency'];
    const compliance = json.measures.find((measure) => measure.id === 'code-compliance')!;
    compliance.headline = 'on-time';
    compliance.colour = 'red';
    expect(issuesOf(json)).toEqual([
      'measures[0] (code-compliance).colour: is not a known field',
      'measures[0] (code-compliance).headline: must be one of its columns (met-on-time, met-late, breached, not-applicable, not-yet-due); got "on-time"',
      'measures[0] (code-compliance).disproportionality: needs a rate as the headline column: it compares the headline rate across groups',
      'measures[2] (file-quality).columns[0] (returned).numerator[0]: must be one of returned, accepted, awaiting-review; got "sent back"',
      'measures[2] (file-quality).breakdowns[1]: must be one of area, month, fileKind, offence; got "agency"',
    ]);
  });

  it('refuses an entitlement the rulebook does not have, and entitlements on a measure that counts none', () => {
    const json = copy();
    json.measures[0].entitlements = ['R4.referral', 'R99.nothing'];
    json.measures[1].entitlements = ['R4.referral'];
    const [unknown, misplaced] = issuesOf(json);
    expect(unknown).toMatch(/^measures\[0\] \(code-compliance\)\.entitlements\[1\]: must be .*; got "R99\.nothing"$/);
    expect(misplaced).toBe('measures[1] (timeliness).entitlements: only an obligations measure counts entitlements');
  });

  it('refuses a rate whose numerator is not part of its base, and a median of two outcomes', () => {
    const json = copy();
    const trials = json.measures.find((measure) => measure.id === 'trial-effectiveness')!;
    (trials.columns as Array<Record<string, unknown>>)[0].denominator = ['cracked', 'ineffective'];
    const timeliness = json.measures.find((measure) => measure.id === 'timeliness')!;
    (timeliness.columns as Array<Record<string, unknown>>)[1].numerator = ['days', 'working-days'];
    expect(issuesOf(json)).toEqual([
      'measures[1] (timeliness).columns[1] (median-days).numerator: a median measures exactly one outcome',
      'measures[4] (trial-effectiveness).columns[0] (effective).denominator: must include the numerator\'s effective: a rate counts part of its base',
    ]);
  });

  it('keeps versions of one measure apart in time, and picks the one in force on a day', () => {
    const json = copy();
    const first = { ...json.measures[0], effectiveTo: '2026-04-01' };
    const second = { ...json.measures[0], version: '2', effectiveFrom: '2026-04-01', title: "Victims' Code compliance (2026 Code)" };
    json.measures = [first, second, ...json.measures.slice(1)];
    const definitions = parseMeasureDefinitions(json, { entitlements });
    expect(measureInForce(definitions, 'code-compliance', '2026-03-31')!.version).toBe('1');
    expect(measureInForce(definitions, 'code-compliance', '2026-04-01')!.version).toBe('2');
    expect(measureInForce(definitions, 'code-compliance', '2021-03-31')).toBeUndefined();
    expect(measuresInForce(definitions, '2026-05-01').filter((m) => m.id === 'code-compliance')).toHaveLength(1);

    json.measures[1] = { ...second, effectiveFrom: '2026-03-01' };
    expect(issuesOf(json)).toEqual(['measures[1] (code-compliance).effectiveFrom: overlaps the period of measures[0], an earlier version of the same measure']);
  });

  it('says what is wrong with a file that is not an object at all', () => {
    expect(issuesOf([])).toEqual(['definitions: must be an object']);
  });
});
