import { FACT_SOURCES, type FactSource } from '../measures/fact-sources';
import type { CaseFacts } from './case-facts';

/**
 * How the reporting projection counts facts: one Redis hash per source, rollup, area and London
 * month (`{source}.{rollup}:{area}:{month}`), each field a combination of the rollup's dimensions,
 * the outcome and, for timeliness, the value (a histogram). A rollup is a set of dimensions kept
 * together; a report reads the smallest that holds what it groups and filters by, so a board's
 * query adds up a few small hashes rather than every combination of every dimension.
 */
export const ROLLUPS: Record<FactSource, readonly (readonly string[])[]> = {
  obligations: [['entitlement', 'agency', 'rights', 'offence'], ['entitlement', 'ageBand'], ['entitlement', 'sex'], ['entitlement', 'ethnicity']],
  timeliness: [['interval', 'offence']],
  'file-submissions': [['fileKind', 'offence']],
  'file-returns': [['reason', 'fileKind']],
  trials: [['courtTier', 'party', 'reasonCode', 'offence']],
  attrition: [['stage', 'offence'], ['stage', 'ageBand'], ['stage', 'sex'], ['stage', 'ethnicity']],
};

/** Dimensions read off another: a Right is the number its entitlement's id begins with. */
export const DERIVED_DIMENSIONS: Record<string, { from: string; value: (from: string) => string }> = {
  right: { from: 'entitlement', value: (entitlement) => /^R(\d+)/.exec(entitlement)?.[1] ?? 'unknown' },
};

export const CELL_SEPARATOR = '#';
export const FIELD_SEPARATOR = '|';

/** `{bucket}#{field}` → count. */
export type FactCells = Map<string, number>;

/** A counter hash as read: its rollup bucket (`{source}.{rollup}`), area, month and fields. */
export interface FactCounterHash {
  bucket: string;
  area: string;
  month: string;
  fields: Record<string, string>;
}

export const bucketOf = (source: FactSource, rollup: number): string => `${source}.${rollup}`;
export const counterSuffix = (bucket: string, area: string, month: string): string => `${bucket}:${encodeURIComponent(area)}:${month}`;

export function parseCounterSuffix(suffix: string): { bucket: string; area: string; month: string } {
  const [bucket, area, month] = suffix.split(':');
  return { bucket, area: decodeURIComponent(area), month };
}

/** A field part with the separator escaped (a missing item's text may hold one). */
export const fieldPart = (value: string): string => (/[|%]/.test(value) ? value.replace(/%/g, '%25').replace(/\|/g, '%7C') : value);
export const readFieldPart = (part: string): string => (part.includes('%') ? decodeURIComponent(part) : part);

/** The rollup of a source that holds every one of `dimensions` (derived ones through their source), the smallest first. */
export function rollupFor(source: FactSource, dimensions: readonly string[]): number | undefined {
  const stored = dimensions.filter((dimension) => dimension !== 'area' && dimension !== 'month').map((dimension) => DERIVED_DIMENSIONS[dimension]?.from ?? dimension);
  const candidates = ROLLUPS[source]
    .map((rollup, index) => ({ rollup, index }))
    .filter(({ rollup }) => stored.every((dimension) => rollup.includes(dimension)))
    .sort((a, b) => a.rollup.length - b.rollup.length);
  return candidates[0]?.index;
}

/** A case's counts: each fact once in every rollup of its source. */
export function factCells(caseFacts: CaseFacts | undefined | null): FactCells {
  const cells: FactCells = new Map();
  if (!caseFacts) return cells;
  for (const fact of caseFacts.facts) {
    ROLLUPS[fact.source].forEach((rollup, index) => {
      const parts = rollup.map((dimension) => fieldPart(fact.dimensions[dimension] ?? 'unknown'));
      parts.push(fact.outcome);
      if (fact.value !== undefined) parts.push(String(fact.value));
      const cell = `${counterSuffix(bucketOf(fact.source, index), caseFacts.area, fact.month)}${CELL_SEPARATOR}${parts.join(FIELD_SEPARATOR)}`;
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
    });
  }
  return cells;
}

/** A cell's counter suffix (`{bucket}:{area}:{month}`) and field. */
export function splitFactCell(cell: string): { suffix: string; field: string } {
  const at = cell.indexOf(CELL_SEPARATOR);
  return { suffix: cell.slice(0, at), field: cell.slice(at + 1) };
}

/** Counts added into hashes, keyed by counter suffix: what an as-of computation or a snapshot holds. */
export function addCells(into: Map<string, Map<string, number>>, cells: FactCells): void {
  for (const [cell, count] of cells) {
    const { suffix, field } = splitFactCell(cell);
    let hash = into.get(suffix);
    if (!hash) into.set(suffix, (hash = new Map()));
    hash.set(field, (hash.get(field) ?? 0) + count);
  }
}

/** Hashes kept as maps, as the report computation reads them. */
export function counterHashesOf(hashes: ReadonlyMap<string, ReadonlyMap<string, number>>): FactCounterHash[] {
  return [...hashes].map(([suffix, fields]) => ({ ...parseCounterSuffix(suffix), fields: Object.fromEntries([...fields].map(([field, count]) => [field, String(count)])) }));
}
