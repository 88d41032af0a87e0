/**
 * What the measures count, as the reporting projection records it: each case gives facts of these
 * kinds, each fact with its area, its London month, its dimensions and its outcome. A measure names
 * one source and says which outcomes its columns count; what a fact is stays in code, what is
 * counted of it is data (the definitions file).
 */
export const FACT_SOURCES = {
  /** One per Code obligation, in the month it fell due (a touchpoint without a deadline: its clock start). */
  obligations: {
    dimensions: ['entitlement', 'right', 'agency', 'rights', 'offence', 'ageBand', 'sex', 'ethnicity'],
    outcomes: ['met', 'met-late', 'breached', 'pending', 'not-applicable'],
  },
  /** One per interval of a case, in the month it ended, measured in calendar and in working days. */
  timeliness: { dimensions: ['interval', 'offence'], outcomes: ['days', 'working-days'] },
  /** One per file submitted to the CPS, in the month submitted, by how its review went. */
  'file-submissions': { dimensions: ['fileKind', 'offence'], outcomes: ['returned', 'accepted', 'awaiting-review'] },
  /** One per missing item named when the CPS returned a file, in the month of the submission. */
  'file-returns': { dimensions: ['reason', 'fileKind'], outcomes: ['returned'] },
  /** One per trial listed that was held, cracked, found ineffective or vacated, in the month of the day. */
  trials: { dimensions: ['courtTier', 'party', 'reasonCode', 'offence'], outcomes: ['effective', 'cracked', 'ineffective', 'vacated'] },
  /** One per victim of a case that concluded, in the month it concluded. */
  attrition: { dimensions: ['stage', 'offence', 'ageBand', 'sex', 'ethnicity'], outcomes: ['victim-withdrew', 'concluded-otherwise'] },
} as const satisfies Record<string, { dimensions: readonly string[]; outcomes: readonly string[] }>;

export type FactSource = keyof typeof FACT_SOURCES;
export const FACT_SOURCE_NAMES = Object.keys(FACT_SOURCES) as FactSource[];

/** Every fact has these, whatever its source. */
export const COMMON_DIMENSIONS = ['area', 'month'] as const;

/** The victim characteristics a measure can be tested for disproportionality by (ONS 5-group ethnicity). */
export const VICTIM_CHARACTERISTICS = ['ageBand', 'sex', 'ethnicity'] as const;
export type VictimCharacteristic = (typeof VICTIM_CHARACTERISTICS)[number];

export const dimensionsOf = (source: FactSource): readonly string[] => [...COMMON_DIMENSIONS, ...FACT_SOURCES[source].dimensions];
