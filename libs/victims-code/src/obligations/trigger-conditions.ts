import type { CaseEvent, OffenceCategory } from '@case-journey/domain';
import type { TriggerCondition } from '../rulebook/rulebook';

const paths = new Map<string, string[]>();

/** The value at a dotted path of the event's data. */
export function dataField(event: CaseEvent, field: string): unknown {
  let segments = paths.get(field);
  if (!segments) {
    segments = field.split('.');
    paths.set(field, segments);
  }
  let value: unknown = event.data;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Whether every condition holds; the case's offence categories are only read when a condition asks. */
export function conditionsHold(
  conditions: readonly TriggerCondition[],
  event: CaseEvent,
  offenceCategories: () => ReadonlySet<OffenceCategory>,
): boolean {
  for (const condition of conditions) {
    if ('offenceCategoryIn' in condition) {
      const categories = offenceCategories();
      if (!condition.offenceCategoryIn.some((category) => categories.has(category))) return false;
      continue;
    }
    const value = dataField(event, condition.field);
    if ('equals' in condition && value !== condition.equals) return false;
    if ('in' in condition && !condition.in.includes(value as string | number | boolean)) return false;
    if ('exists' in condition && (value !== undefined && value !== null) !== condition.exists) return false;
    if ('atLeast' in condition && !(typeof value === 'number' && value >= condition.atLeast)) return false;
  }
  return true;
}
