import { nearestRankPercentile } from '@case-journey/reporting';
import { OBLIGATION_STATUSES, type ObligationStatus } from '@case-journey/victims-code';
import { FIELD_SEPARATOR, VICTIM_DIMENSIONS, type VictimDimension } from './compliance-cells';
import { TIMELINESS_MEASURES, type TimelinessMeasure } from './timeliness';

/** What compliance figures can be broken down by. */
export const COMPLIANCE_DIMENSIONS = ['area', 'month', 'entitlement', 'right', 'agency', 'rights', 'offence', 'kind', ...VICTIM_DIMENSIONS] as const;
export type ComplianceDimension = (typeof COMPLIANCE_DIMENSIONS)[number];

/** Dimensions a victim characteristic can be crossed with (its counts are kept per rule only). */
const WITH_VICTIM_DIMENSION: readonly ComplianceDimension[] = ['area', 'month', 'entitlement', 'right'];

/** Why a breakdown cannot be given, or undefined when it can. */
export function groupingProblem(groupBy: readonly ComplianceDimension[]): string | undefined {
  const victimDimensions = groupBy.filter((dimension) => (VICTIM_DIMENSIONS as readonly string[]).includes(dimension));
  if (victimDimensions.length > 1) return `at most one of ${VICTIM_DIMENSIONS.join(', ')} at a time`;
  if (victimDimensions.length === 1) {
    const other = groupBy.find((dimension) => dimension !== victimDimensions[0] && !WITH_VICTIM_DIMENSION.includes(dimension));
    if (other) return `${victimDimensions[0]} can only be combined with ${WITH_VICTIM_DIMENSION.join(', ')}, not ${other}`;
  }
  return undefined;
}

export interface ComplianceRow {
  group: Partial<Record<ComplianceDimension, string | number>>;
  counts: Record<ObligationStatus, number>;
  /** Deadline obligations judged so far: met on time, met late or breached. */
  due: number;
  metOnTime: number;
  metLate: number;
  breached: number;
  notApplicable: number;
  /** Not yet met and not yet due (pending or due soon), and touchpoints without a deadline not yet made. */
  open: number;
  /** Met on time / due; null when nothing was due. */
  rate: number | null;
}

export interface TimelinessSummary {
  measure: TimelinessMeasure;
  unit: 'days' | 'working-days';
  count: number;
  median: number | null;
  p90: number | null;
  /** Value → number of cases. */
  histogram: Record<string, number>;
}

/** A counter hash: its area and month, and its fields. */
export interface CounterHash {
  area: string;
  month: string;
  fields: Record<string, string>;
}

const emptyCounts = (): Record<ObligationStatus, number> =>
  Object.fromEntries(OBLIGATION_STATUSES.map((status) => [status, 0])) as Record<ObligationStatus, number>;

const rightOf = (ruleId: string): number => Number(/^R(\d+)/.exec(ruleId)?.[1] ?? 0);

/** A counter field read once: its status, the dimensions it states, and its row key for the breakdown asked for. */
interface FieldReading {
  status: ObligationStatus;
  values: Partial<Record<ComplianceDimension, string | number>>;
  key: string;
}

function readField(field: string, victimDimension: VictimDimension | undefined, groupBy: readonly ComplianceDimension[]): FieldReading {
  const parts = field.split(FIELD_SEPARATOR);
  const status = parts[parts.length - 1] as ObligationStatus;
  let values: FieldReading['values'];
  if (victimDimension) {
    values = { entitlement: parts[0], right: rightOf(parts[0]), [victimDimension]: parts[1] };
  } else {
    values = { entitlement: parts[0], right: rightOf(parts[0]), kind: parts[1], agency: parts[2], rights: parts[3] };
    if (parts.length === 6) values.offence = parts[4];
  }
  return { status, values, key: groupBy.map((dimension) => values[dimension] ?? '').join(KEY_SEPARATOR) };
}

const KEY_SEPARATOR = '\u0000';

/** Which counter hashes a breakdown is read from: the smallest that holds its dimensions. */
export function countersFor(groupBy: readonly ComplianceDimension[]): `victims-${VictimDimension}` | 'compliance' | 'summary' {
  const victimDimension = groupBy.find((dimension): dimension is VictimDimension => (VICTIM_DIMENSIONS as readonly string[]).includes(dimension));
  if (victimDimension) return `victims-${victimDimension}`;
  return groupBy.includes('offence') ? 'compliance' : 'summary';
}

/**
 * Adds up `summary:`, `compliance:` or `victims-…:` hashes (see `countersFor`) into one row per group.
 * The same fields recur in every area and month, so each is read once, with its row key; a
 * national query over two years adds up some 10^4 to 10^5 fields.
 */
export function complianceRows(hashes: readonly CounterHash[], groupBy: readonly ComplianceDimension[]): ComplianceRow[] {
  const victimDimension = groupBy.find((dimension): dimension is VictimDimension => (VICTIM_DIMENSIONS as readonly string[]).includes(dimension));
  const byArea = groupBy.includes('area');
  const byMonth = groupBy.includes('month');
  const fieldReadings = new Map<string, FieldReading>();
  const rows = new Map<string, ComplianceRow>();
  for (const { area, month, fields } of hashes) {
    const prefix = (byArea ? area + KEY_SEPARATOR : '') + (byMonth ? month + KEY_SEPARATOR : '');
    for (const field in fields) {
      const count = Number(fields[field]);
      if (count === 0) continue;
      let reading = fieldReadings.get(field);
      if (reading === undefined) fieldReadings.set(field, (reading = readField(field, victimDimension, groupBy)));
      const key = prefix + reading.key;
      let row = rows.get(key);
      if (!row) {
        const values: FieldReading['values'] = { ...reading.values, area, month };
        rows.set(key, (row = newRow(Object.fromEntries(groupBy.map((dimension) => [dimension, values[dimension]])))));
      }
      row.counts[reading.status] += count;
    }
  }
  return [...rows.values()].map(withRates).sort((a, b) => JSON.stringify(a.group).localeCompare(JSON.stringify(b.group)));
}

function newRow(group: ComplianceRow['group']): ComplianceRow {
  return { group, counts: emptyCounts(), due: 0, metOnTime: 0, metLate: 0, breached: 0, notApplicable: 0, open: 0, rate: null };
}

function withRates(row: ComplianceRow): ComplianceRow {
  const { counts } = row;
  // A touchpoint without a deadline is 'met' or 'pending' and never due; its 'met' is counted as met on time.
  const due = counts.met + counts['met-late'] + counts.breached;
  return {
    ...row,
    due,
    metOnTime: counts.met,
    metLate: counts['met-late'],
    breached: counts.breached,
    notApplicable: counts['not-applicable'],
    open: counts.pending + counts['due-soon'],
    rate: due === 0 ? null : counts.met / due,
  };
}

/** Medians and 90th percentiles of each timeliness measure from `timeliness:` hashes. */
export function timelinessSummaries(hashes: readonly CounterHash[]): TimelinessSummary[] {
  const histograms = new Map<string, Map<number, number>>();
  const fieldReadings = new Map<string, { histogram: Map<number, number>; value: number }>();
  for (const { fields } of hashes) {
    for (const field in fields) {
      let reading = fieldReadings.get(field);
      if (!reading) {
        const [measure, value] = field.split(FIELD_SEPARATOR);
        let histogram = histograms.get(measure);
        if (!histogram) histograms.set(measure, (histogram = new Map()));
        fieldReadings.set(field, (reading = { histogram, value: Number(value) }));
      }
      reading.histogram.set(reading.value, (reading.histogram.get(reading.value) ?? 0) + Number(fields[field]));
    }
  }
  return TIMELINESS_MEASURES.map((measure) => {
    const histogram = [...(histograms.get(measure) ?? new Map<number, number>())].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
    const count = histogram.reduce((sum, [, n]) => sum + n, 0);
    return {
      measure,
      unit: measure === 'court-to-wcu-receipt' ? 'working-days' : 'days',
      count,
      median: nearestRankPercentile(histogram, count, 0.5),
      p90: nearestRankPercentile(histogram, count, 0.9),
      histogram: Object.fromEntries(histogram.map(([days, n]) => [String(days), n])),
    };
  });
}
