import type { FactSource, VictimCharacteristic } from './fact-sources';

/**
 * The shared measures as a board is held to them: a versioned, effective-dated set of definitions,
 * read from a JSON file and validated on load (`parseMeasureDefinitions`).
 */
export interface MeasureDefinitions {
  /** The set's name, e.g. `shared-measures`. */
  id: string;
  /** The set's version, named in every report and export computed with it. */
  version: string;
  title: string;
  measures: MeasureDefinition[];
}

export type MeasureStatistic = 'rate' | 'count' | 'median' | 'p90';

export interface MeasureColumn {
  id: string;
  title: string;
  statistic: MeasureStatistic;
  /** rate, count: the outcomes counted on top; median, p90: the one outcome (unit) measured. */
  numerator: string[];
  /** rate: the outcomes counted below (the numerator's among them). */
  denominator?: string[];
  unit: 'proportion' | 'count' | 'days' | 'working-days';
}

export interface MeasureDefinition {
  id: string;
  /** This measure's own version: a change of what it counts is a new version with a new effectiveFrom. */
  version: string;
  /** London day `YYYY-MM-DD` from which it is in force (inclusive). */
  effectiveFrom: string;
  /** London day until which it is in force (exclusive); absent while it still is. */
  effectiveTo?: string;
  title: string;
  description: string;
  source: FactSource;
  /** For obligations: the rulebook entitlements (rule ids) it counts. */
  entitlements?: string[];
  unit: 'proportion' | 'days' | 'count';
  /** What the facts counted are: obligations, cases, files, trials, victims. */
  counting: string;
  numerator: string;
  denominator: string;
  columns: MeasureColumn[];
  /** The column a pack and a chart lead with. */
  headline: string;
  /** Dimensions a report may be grouped or filtered by. */
  breakdowns: string[];
  /** Victim characteristics each group's rate is compared on (rate, Wilson interval, rate ratio, significance). */
  disproportionality: VictimCharacteristic[];
}

/** The London day (`YYYY-MM-DD`) a measure is in force on. */
export const inForceOn = (measure: MeasureDefinition, day: string): boolean =>
  measure.effectiveFrom <= day && (measure.effectiveTo === undefined || day < measure.effectiveTo);

/** The definitions in force on a London day: for each measure id, its version in force then. */
export function measuresInForce(definitions: MeasureDefinitions, day: string): MeasureDefinition[] {
  return definitions.measures.filter((measure) => inForceOn(measure, day));
}

/** One measure as in force on a London day, or undefined. */
export function measureInForce(definitions: MeasureDefinitions, id: string, day: string): MeasureDefinition | undefined {
  return definitions.measures.find((measure) => measure.id === id && inForceOn(measure, day));
}
