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

/** One part of a cell's name, with the parts that follow it, and the count of the cell it ends. */
class CellPart {
  readonly next = new Map<string | number, CellPart>();
  count = 0;

  at(part: string | number): CellPart {
    let node = this.next.get(part);
    if (node === undefined) this.next.set(part, (node = new CellPart()));
    return node;
  }
}

/** Under an area and month: the compliance counts, each victim dimension's, and the timeliness samples. */
const COMPLIANCE = 'compliance';
const TIMELINESS = 'timeliness';

/**
 * A batch's counts, kept part by part (area, month, rule, kind, agency, rights, offence, status, …)
 * in nested maps whose keys are the rulebook's and the reading's own strings, and written out as
 * cells once per batch (`cells`). Each obligation counts in five cells; naming each of them for
 * each obligation built and hashed five strings of some 100 characters, which a batch then
 * threw away, most of its cells met many times over. The summary's cells are the compliance
 * cells without the offence, so they are added up from those when written out.
 */
export class ComplianceCounts {
  private readonly areas = new CellPart();
  /** Each area's month nodes by the instant's ISO text: due instants recur across a batch's cases. */
  private readonly monthsOf = new Map<string, Map<string, CellPart>>();

  add(doc: CaseObligations | null, times = 1): this {
    if (!doc) return this;
    const area = keyPart(doc.area ?? UNKNOWN_AREA);
    const months = this.monthNodesOf(area);
    const offence = doc.offenceCategory ?? 'unknown';
    // An erased victim keeps the dimensions they were counted by, so erasure moves no count.
    const victims = new Map([...doc.victims, ...doc.erasedVictims].map((victim) => [victim.victimId, victim]));
    for (const { victimId, dueAt, clockStartedAt, ruleId, kind, responsible, rights, status } of doc.obligations) {
      const within = this.monthNode(area, months, dueAt ?? clockStartedAt);
      within.at(COMPLIANCE).at(ruleId).at(kind).at(responsible).at(rights).at(offence).at(status).count += times;
      const victim = victims.get(victimId);
      for (const dimension of VICTIM_DIMENSIONS) within.at(dimension).at(ruleId).at(victim?.[dimension] ?? 'not-recorded').at(status).count += times;
    }
    for (const { at, measure, value } of doc.timeliness) this.monthNode(area, months, at).at(TIMELINESS).at(measure).at(value).count += times;
    return this;
  }

  /**
   * Each cell's count: `{bucket}:{area}:{month}#{field}`, the field's parts joined by
   * FIELD_SEPARATOR (|). A cell whose changes add up to nothing is given as 0.
   */
  cells(): CounterCells {
    const cells: CounterCells = new Map();
    this.eachChange((bucket, field, count) => cells.set(`${bucket}${CELL_SEPARATOR}${field}`, count));
    return cells;
  }

  /**
   * Each cell once, as its hash's suffix (`{bucket}:{area}:{month}`), its field and its count (0
   * when its changes add up to nothing): what a batch's writes need, without each cell's whole name.
   */
  eachChange(found: (bucket: string, field: string, count: number) => void): void {
    for (const [area, months] of this.areas.next) {
      for (const [month, within] of months.next) {
        const summary = new Map<string, number>();
        for (const [bucket, parts] of within.next) {
          const hash = `${bucket === COMPLIANCE || bucket === TIMELINESS ? bucket : `victims-${bucket}`}:${area}:${month}`;
          eachCell(parts, '', (field, count) => {
            found(hash, field, count);
            // compliance: rule|kind|agency|rights|offence|status; the summary leaves the offence out.
            if (bucket === COMPLIANCE) {
              const summed = withoutOffence(field);
              summary.set(summed, (summary.get(summed) ?? 0) + count);
            }
          });
        }
        const hash = `summary:${area}:${month}`;
        for (const [field, count] of summary) found(hash, field, count);
      }
    }
  }

  private monthNodesOf(area: string): Map<string, CellPart> {
    let months = this.monthsOf.get(area);
    if (months === undefined) this.monthsOf.set(area, (months = new Map()));
    return months;
  }

  private monthNode(area: string, months: Map<string, CellPart>, instant: string): CellPart {
    let node = months.get(instant);
    if (node === undefined) months.set(instant, (node = this.areas.at(area).at(monthOf(instant))));
    return node;
  }
}

/** Calls `found` with each cell's field (its parts joined by FIELD_SEPARATOR) and count, below `part`. */
function eachCell(part: CellPart, field: string, found: (field: string, count: number) => void): void {
  for (const [name, next] of part.next) {
    const named = field === '' ? String(name) : `${field}${FIELD_SEPARATOR}${name}`;
    if (next.next.size === 0) found(named, next.count);
    else eachCell(next, named, found);
  }
}

/** A compliance cell's field without its offence, the fifth of its six parts. */
function withoutOffence(field: string): string {
  const status = field.lastIndexOf(FIELD_SEPARATOR);
  return field.slice(0, field.lastIndexOf(FIELD_SEPARATOR, status - 1)) + field.slice(status);
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
