import { londonDayOf, type Obligation } from '@case-journey/victims-code';
import { keyPart } from '../runner/projection-keys';
import type { CaseObligations } from './case-obligations';

/**
 * Where a case's counts go: `{hash key parts}#{field}` → count. Hash keys are per area and London
 * month, so a board's query reads a handful of small hashes:
 * - `compliance:{area}:{month}` → `{rule}|{kind}|{responsible agency}|{standard|enhanced}|{offence category}|{status}`
 * - `summary:{area}:{month}` → the same without the offence category: a tenth of the fields, which
 *   is what most breakdowns read
 * - `victims-{ageBand|sex|ethnicity}:{area}:{month}` → `{rule}|{value}|{status}` (disproportionality)
 * - `timeliness:{area}:{month}` → `{measure}|{value}` (a histogram in days or working days)
 * An obligation is counted in the month of its due instant (a touchpoint without one: its clock start).
 */
export type CounterCells = Map<string, number>;

export const CELL_SEPARATOR = '#';
export const FIELD_SEPARATOR = '|';
export const UNKNOWN_AREA = 'unknown';
export const VICTIM_DIMENSIONS = ['ageBand', 'sex', 'ethnicity'] as const;
export type VictimDimension = (typeof VICTIM_DIMENSIONS)[number];

export const complianceCells = (doc: CaseObligations | null): CounterCells => addComplianceCells(new Map(), doc);

/**
 * Adds a reading's cells to `cells`, each `times` over: −1 takes a previous reading's away, so a
 * batch adds each case's change straight to its counts, without a map of the case's own.
 */
export function addComplianceCells(cells: CounterCells, doc: CaseObligations | null, times = 1): CounterCells {
  if (!doc) return cells;
  const area = keyPart(doc.area ?? UNKNOWN_AREA);
  const offence = doc.offenceCategory ?? 'unknown';
  const add = (cell: string) => cells.set(cell, (cells.get(cell) ?? 0) + times);
  // Each cell is `${bucket}:${area}:${month}#${field}`, its field's parts joined by FIELD_SEPARATOR (|).
  // An erased victim keeps the dimensions they were counted by, so erasure moves no count.
  const victims = new Map([...doc.victims, ...doc.erasedVictims].map((victim) => [victim.victimId, victim]));
  for (const obligation of doc.obligations) {
    const within = `:${area}:${monthOf(obligation.dueAt ?? obligation.clockStartedAt)}${CELL_SEPARATOR}`;
    const { ruleId, kind, responsible, rights, status } = obligation;
    add(`compliance${within}${ruleId}|${kind}|${responsible}|${rights}|${offence}|${status}`);
    add(`summary${within}${ruleId}|${kind}|${responsible}|${rights}|${status}`);
    const victim = victims.get(obligation.victimId);
    for (const dimension of VICTIM_DIMENSIONS) add(`victims-${dimension}${within}${ruleId}|${victim?.[dimension] ?? 'not-recorded'}|${status}`);
  }
  for (const sample of doc.timeliness) add(`timeliness:${area}:${monthOf(sample.at)}${CELL_SEPARATOR}${sample.measure}|${sample.value}`);
  return cells;
}

/** The London month (`YYYY-MM`) of an instant. */
export const monthOf = (instant: string): string => londonDayOf(instant).slice(0, 7);

/** What to add to each cell to turn the old counts into the new ones; cells that do not change are left out. */
export function countChanges(before: CounterCells, after: CounterCells): CounterCells {
  const changes: CounterCells = new Map();
  for (const [cell, count] of after) {
    const change = count - (before.get(cell) ?? 0);
    if (change !== 0) changes.set(cell, change);
  }
  for (const [cell, count] of before) if (!after.has(cell)) changes.set(cell, -count);
  return changes;
}

export const isOpen = (obligation: Obligation): boolean =>
  obligation.kind === 'deadline' && (obligation.status === 'pending' || obligation.status === 'due-soon' || obligation.status === 'breached');
