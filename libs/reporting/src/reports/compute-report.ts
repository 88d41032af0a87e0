import { londonDayOf } from '@case-journey/victims-code';
import { compareGroups } from '../disproportionality';
import { DERIVED_DIMENSIONS, FIELD_SEPARATOR, parseCounterSuffix, readFieldPart, ROLLUPS, rollupFor, bucketOf, splitFactCell, type FactCells, type FactCounterHash } from '../facts/fact-counters';
import type { MeasureColumn, MeasureDefinition, MeasureDefinitions } from '../measures/measure-definitions';
import type { Report, ReportBasis, ReportCell, ReportRow } from './report';

export interface ReportRequest {
  groupBy: readonly string[];
  /** null: every area. */
  areas: readonly string[] | null;
  months: readonly string[];
  filters?: Readonly<Record<string, string>>;
}

/** A report that cannot be given as asked: the request's field and why. */
export class ReportRequestError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ReportRequestError';
  }
}

/** The grouping a report of this measure is computed with: timeliness is always by interval (intervals do not add up). */
export function effectiveGroupBy(measure: MeasureDefinition, groupBy: readonly string[]): string[] {
  return measure.source === 'timeliness' && !groupBy.includes('interval') ? ['interval', ...groupBy] : [...groupBy];
}

/** The counter hashes a report reads: the rollup holding its grouping and filters. Throws ReportRequestError when the measure has no such breakdown. */
export function bucketFor(measure: MeasureDefinition, request: Pick<ReportRequest, 'groupBy' | 'filters'>): string {
  const groupBy = effectiveGroupBy(measure, request.groupBy);
  for (const dimension of groupBy) {
    if (!measure.breakdowns.includes(dimension)) throw new ReportRequestError('groupBy', `${measure.id} is broken down by ${measure.breakdowns.join(', ')}, not ${dimension}`);
  }
  if (new Set(groupBy).size !== groupBy.length) throw new ReportRequestError('groupBy', 'names a dimension twice');
  for (const dimension of Object.keys(request.filters ?? {})) {
    if (!measure.breakdowns.includes(dimension) || dimension === 'area' || dimension === 'month') throw new ReportRequestError(dimension, `${measure.id} cannot be filtered by ${dimension}`);
  }
  const needed = [...groupBy, ...Object.keys(request.filters ?? {}), ...(measure.entitlements ? ['entitlement'] : [])];
  const rollup = rollupFor(measure.source, needed);
  if (rollup === undefined) {
    const asked = [...new Set([...groupBy, ...Object.keys(request.filters ?? {})])].filter((d) => d !== 'area' && d !== 'month');
    throw new ReportRequestError('groupBy', `${measure.id} cannot be broken down by ${asked.join(' and ')} together`);
  }
  return bucketOf(measure.source, rollup);
}

interface Tally {
  group: Record<string, string>;
  counts: Map<string, number>;
  histograms: Map<string, Map<number, number>>;
  /** Each histogram sorted, once a percentile of it is asked for. */
  sorted: Map<string, { histogram: Array<[number, number]>; cases: number }>;
}

const newTally = (group: Record<string, string>): Tally => ({ group, counts: new Map(), histograms: new Map(), sorted: new Map() });

/**
 * A measure's report from counter hashes (live, as-of or a snapshot's: the same arithmetic for all):
 * the facts of the measure's entitlements and filters, by the groups asked for, each column worked
 * out as the definitions say, with the disproportionality comparison when grouped by a victim
 * characteristic. Open obligations are judged at the basis's instant: breached after their due day.
 */
export function computeReport(definitions: MeasureDefinitions, measure: MeasureDefinition, hashes: readonly FactCounterHash[], request: ReportRequest, basis: ReportBasis): Report {
  const { bucket, groupBy, shape, readingOf } = reportCounting(definitions, measure, request, basis);
  const filters = Object.entries(request.filters ?? {});
  // A row's place among the hashes: its area and month where the report is grouped by them, so that
  // grouped by area alone an area is one row over every month, not one row a month.
  const byArea = groupBy.includes('area');
  const byMonth = groupBy.includes('month');
  const rows = new Map<string, Tally>();
  for (const hash of hashes) {
    if (hash.bucket !== bucket) continue;
    if (request.areas && !request.areas.includes(hash.area)) continue;
    if (!request.months.includes(hash.month)) continue;
    const place = `${byArea ? hash.area : ''}${FIELD_SEPARATOR}${byMonth ? hash.month : ''}${FIELD_SEPARATOR}`;
    for (const [key, part] of hashTallies(hash.fields, shape, readingOf)) {
      let row = rows.get(place + key);
      if (!row) {
        const values: Record<string, string> = { ...part.group, area: hash.area, month: hash.month };
        rows.set(place + key, (row = newTally(Object.fromEntries(groupBy.map((dimension) => [dimension, values[dimension]])))));
      }
      addTally(row, part);
    }
  }
  // Timeliness intervals do not add up: it has no total row.
  const total = measure.source === 'timeliness' ? null : newTally({});
  if (total) for (const row of rows.values()) addTally(total, row);

  const rowOf = (tally: Tally): ReportRow => reportRowOf(measure, tally);
  const reportRows = [...rows.values()].map(rowOf).sort((a, b) => compareGroupsOf(a.group, b.group, groupBy));
  const characteristic = groupBy.find((dimension) => (measure.disproportionality as readonly string[]).includes(dimension));
  if (characteristic) compareWithin(reportRows, characteristic, measure.headline);
  return {
    measure: {
      id: measure.id,
      title: measure.title,
      description: measure.description,
      definitions: definitions.id,
      definitionsVersion: definitions.version,
      version: measure.version,
      unit: measure.unit,
      numerator: measure.numerator,
      denominator: measure.denominator,
      counting: measure.counting,
      headline: measure.headline,
    },
    basis,
    areas: request.areas ? [...request.areas] : null,
    months: [...request.months],
    groupBy,
    filters: Object.fromEntries(filters),
    columns: measure.columns.map(({ id, title, statistic, unit }) => ({ id, title, statistic, unit })),
    rows: reportRows,
    total: total ? rowOf(total) : null,
    disproportionality: characteristic ? { characteristic, column: measure.headline, confidence: 0.95 } : null,
  };
}

/** What a report works out once, before it reads a field: the hashes it reads, its grouping, and how it reads a field. */
interface ReportCounting {
  bucket: string;
  groupBy: string[];
  /** Everything a hash's tallies depend on: the measure, the grouping, the filters, the day open obligations are judged at. */
  shape: string;
  /** Each field read once however many hashes hold it: null when the measure does not count it. */
  readingOf: (field: string) => FieldReading | null;
}

function reportCounting(definitions: MeasureDefinitions, measure: MeasureDefinition, request: Pick<ReportRequest, 'groupBy' | 'filters'>, basis: ReportBasis): ReportCounting {
  const bucket = bucketFor(measure, request);
  const groupBy = effectiveGroupBy(measure, request.groupBy);
  const rollup = ROLLUPS[measure.source][Number(bucket.slice(bucket.lastIndexOf('.') + 1))];
  const asOfDay = londonDayOf(basis.asOf);
  const entitlements = measure.entitlements ? new Set(measure.entitlements) : null;
  const filters = Object.entries(request.filters ?? {});
  const shape = JSON.stringify([definitions.version, measure.id, measure.version, groupBy, filters, asOfDay]);
  const grouped = groupBy.filter((dimension) => dimension !== 'area' && dimension !== 'month');
  const readings = new Map<string, FieldReading | null>();
  const readField = fieldReader(rollup, measure.source === 'timeliness');
  const readingOf = (field: string): FieldReading | null => {
    let reading = readings.get(field);
    if (reading !== undefined) return reading;
    const { values, outcome, value } = readField(field);
    const wanted = (!entitlements || entitlements.has(values.entitlement)) && filters.every(([dimension, asked]) => values[dimension] === asked);
    reading = wanted ? { group: Object.fromEntries(grouped.map((dimension) => [dimension, values[dimension]])), key: grouped.map((dimension) => values[dimension]).join(FIELD_SEPARATOR), outcome: judged(outcome, asOfDay), value } : null;
    readings.set(field, reading);
    return reading;
  };
  return { bucket, groupBy, shape, readingOf };
}

/** A tally as a report's row: each of the measure's columns worked out. */
function reportRowOf(measure: MeasureDefinition, tally: Tally): ReportRow {
  return { group: tally.group, cells: Object.fromEntries(measure.columns.map((column) => [column.id, cellOf(column, tally)])) };
}

/** One case's report: its rows (by interval for timeliness, else the one row) and its total. */
export interface CaseReport {
  rows: ReportRow[];
  total: ReportRow | null;
}

/**
 * Reports of single cases, grouped by nothing the measure does not always group by: the counting of
 * computeReport over each case's own cells, worked out once for the request and without making
 * counter hashes of the cells. A drill-down reads thousands of cases for one figure.
 */
export function caseReporter(definitions: MeasureDefinitions, measure: MeasureDefinition, request: Omit<ReportRequest, 'groupBy'>, basis: ReportBasis): (cells: FactCells) => CaseReport {
  const { bucket, readingOf } = reportCounting(definitions, measure, { ...request, groupBy: [] }, basis);
  const months = new Set(request.months);
  const areas = request.areas ? new Set(request.areas) : null;
  // Whether a counter suffix is one the report reads: few, and the same for every case.
  const suffixes = new Map<string, boolean>();
  const read = (suffix: string): boolean => {
    let wanted = suffixes.get(suffix);
    if (wanted === undefined) {
      const hash = parseCounterSuffix(suffix);
      suffixes.set(suffix, (wanted = hash.bucket === bucket && months.has(hash.month) && (!areas || areas.has(hash.area))));
    }
    return wanted;
  };
  const rowOf = (tally: Tally): ReportRow => reportRowOf(measure, tally);
  return (cells) => {
    const tallies = new Map<string, Tally>();
    for (const [cell, count] of cells) {
      if (count === 0) continue;
      const { suffix, field } = splitFactCell(cell);
      if (!read(suffix)) continue;
      const reading = readingOf(field);
      if (reading === null) continue;
      let tally = tallies.get(reading.key);
      if (!tally) tallies.set(reading.key, (tally = newTally(reading.group)));
      countInto(tally, reading.outcome, reading.value, count);
    }
    const total = measure.source === 'timeliness' ? null : newTally({});
    if (total) for (const tally of tallies.values()) addTally(total, tally);
    return { rows: [...tallies.values()].map(rowOf), total: total ? rowOf(total) : null };
  };
}

/** A counter hash's field as a report reads it: its group (area and month aside) and key, its outcome judged, its value (timeliness). */
interface FieldReading {
  group: Record<string, string>;
  key: string;
  outcome: string;
  value: number | null;
}

/**
 * A hash's fields added up by a report's groups (area and month aside, which the hash holds), kept
 * for as long as the same fields object is: the reader keeps a hash until it changes, so a report
 * over twelve months of four areas adds up 48 small tallies, not every field of every hash again.
 */
const talliedHashes = new WeakMap<Record<string, string>, Map<string, Map<string, Tally>>>();
/** The report shapes kept per hash before the oldest are let go. */
const SHAPES_KEPT = 64;

function hashTallies(fields: Record<string, string>, shape: string, readingOf: (field: string) => FieldReading | null): Map<string, Tally> {
  let shapes = talliedHashes.get(fields);
  if (!shapes) talliedHashes.set(fields, (shapes = new Map()));
  let tallies = shapes.get(shape);
  if (tallies) return tallies;
  tallies = new Map();
  for (const field in fields) {
    const count = Number(fields[field]);
    if (count === 0) continue;
    const reading = readingOf(field);
    if (reading === null) continue;
    let tally = tallies.get(reading.key);
    if (!tally) tallies.set(reading.key, (tally = newTally(reading.group)));
    countInto(tally, reading.outcome, reading.value, count);
  }
  if (shapes.size >= SHAPES_KEPT) shapes.delete(shapes.keys().next().value!);
  shapes.set(shape, tallies);
  return tallies;
}

function countInto(tally: Tally, outcome: string, value: number | null, n: number): void {
  tally.counts.set(outcome, (tally.counts.get(outcome) ?? 0) + n);
  if (value === null) return;
  let histogram = tally.histograms.get(outcome);
  if (!histogram) tally.histograms.set(outcome, (histogram = new Map()));
  histogram.set(value, (histogram.get(value) ?? 0) + n);
}

/** Adds one tally's counts and histograms into another. */
function addTally(into: Tally, from: Tally): void {
  for (const [outcome, n] of from.counts) into.counts.set(outcome, (into.counts.get(outcome) ?? 0) + n);
  for (const [outcome, histogram] of from.histograms) {
    let sum = into.histograms.get(outcome);
    if (!sum) into.histograms.set(outcome, (sum = new Map()));
    for (const [value, n] of histogram) sum.set(value, (sum.get(value) ?? 0) + n);
  }
}

type ParsedField = { values: Record<string, string>; outcome: string; value: number | null };

/** Fields read, by rollup (and whether a value ends them) and field, kept across reports (a field means the same in every hash of its rollup); let go past a bound. */
const parsedFields = new Map<string, Map<string, ParsedField>>();
const PARSED_FIELDS_KEPT = 50_000;

/** How a report reads its rollup's fields: each parsed once for as long as it is kept. */
function fieldReader(rollup: readonly string[], hasValue: boolean): (field: string) => ParsedField {
  const kind = `${rollup.join(',')}|${hasValue}`;
  let parsed = parsedFields.get(kind);
  if (!parsed) parsedFields.set(kind, (parsed = new Map()));
  const fields = parsed;
  return (field) => {
    let reading = fields.get(field);
    if (!reading) {
      if (fields.size >= PARSED_FIELDS_KEPT) fields.clear();
      fields.set(field, (reading = parseField(field, rollup, hasValue)));
    }
    return reading;
  };
}

function parseField(field: string, rollup: readonly string[], hasValue: boolean): ParsedField {
  const parts = field.split(FIELD_SEPARATOR);
  const values: Record<string, string> = {};
  rollup.forEach((dimension, i) => (values[dimension] = readFieldPart(parts[i])));
  for (const [dimension, { from, value }] of Object.entries(DERIVED_DIMENSIONS)) if (from in values) values[dimension] = value(values[from]);
  return { values, outcome: parts[rollup.length], value: hasValue ? Number(parts[rollup.length + 1]) : null };
}

/** An open obligation is breached once its due day has passed at the report's instant (due at the day's last millisecond). */
function judged(outcome: string, asOfDay: string): string {
  if (outcome === 'open') return 'pending';
  if (outcome.startsWith('open@')) return outcome.slice(5) < asOfDay ? 'breached' : 'pending';
  return outcome;
}

const sumOf = (tally: Tally, outcomes: readonly string[]) => outcomes.reduce((sum, outcome) => sum + (tally.counts.get(outcome) ?? 0), 0);

function cellOf(column: MeasureColumn, tally: Tally): ReportCell {
  switch (column.statistic) {
    case 'rate': {
      const numerator = sumOf(tally, column.numerator);
      const denominator = sumOf(tally, column.denominator!);
      return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
    }
    case 'count': {
      const count = sumOf(tally, column.numerator);
      return { numerator: count, denominator: null, value: count };
    }
    default: {
      const { histogram, cases } = sortedHistogram(tally, column.numerator[0]);
      return { numerator: null, denominator: cases, value: nearestRankPercentile(histogram, cases, column.statistic === 'median' ? 0.5 : 0.9) };
    }
  }
}

/** A tally's histogram of an outcome sorted by value, and its count of cases: sorted once for every percentile of it. */
function sortedHistogram(tally: Tally, outcome: string): { histogram: Array<[number, number]>; cases: number } {
  let sorted = tally.sorted.get(outcome);
  if (!sorted) {
    const histogram = [...(tally.histograms.get(outcome) ?? new Map<number, number>())].sort(([a], [b]) => a - b);
    tally.sorted.set(outcome, (sorted = { histogram, cases: histogram.reduce((sum, [, n]) => sum + n, 0) }));
  }
  return sorted;
}

/** The nearest-rank percentile of a histogram sorted by value: the smallest value with at least `share` of cases at or below it. */
export function nearestRankPercentile(histogram: ReadonlyArray<readonly [number, number]>, count: number, share: number): number | null {
  if (count === 0) return null;
  const rank = Math.ceil(share * count);
  let seen = 0;
  for (const [value, n] of histogram) {
    seen += n;
    if (seen >= rank) return value;
  }
  return histogram[histogram.length - 1][0];
}

/** Each row's headline rate against the reference group among the rows that share its other dimensions. */
function compareWithin(rows: ReportRow[], characteristic: string, column: string): void {
  const sets = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const key = JSON.stringify(Object.entries(row.group).filter(([dimension]) => dimension !== characteristic));
    sets.set(key, [...(sets.get(key) ?? []), row]);
  }
  for (const set of sets.values()) {
    const { reference, groups } = compareGroups(set.map((row) => ({ group: row.group[characteristic], numerator: row.cells[column].numerator ?? 0, denominator: row.cells[column].denominator ?? 0 })));
    set.forEach((row, i) => {
      const { rate, interval, isReference, rateRatio, rateRatioInterval, test, pValue, significant } = groups[i];
      row.comparison = { reference, rate, interval, isReference, rateRatio, rateRatioInterval, test, pValue, significant };
    });
  }
}

/** Numbers within values in their order as numbers: Right 4 before Right 11, `R4.referral` before `R11.vcs`. */
const NATURAL_ORDER = new Intl.Collator('en', { numeric: true });

function compareGroupsOf(a: Record<string, string>, b: Record<string, string>, groupBy: readonly string[]): number {
  for (const dimension of groupBy) {
    const order = NATURAL_ORDER.compare(a[dimension] ?? '', b[dimension] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

