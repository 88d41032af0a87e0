/**
 * Drops own properties left undefined, through nested objects and lists. Compiled by tsc with
 * define semantics for class fields (target ES2022), a DTO instance holds every declared field,
 * sent or not, and `{ ...defaults, ...dto }` would erase the defaults with undefined. A validated
 * value holds only what was sent, whichever compiler built it.
 */
export function withoutAbsentFields<T>(value: T): T {
  if (Array.isArray(value)) {
    value.forEach(withoutAbsentFields);
  } else if (typeof value === 'object' && value !== null) {
    const fields = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(fields)) {
      if (field === undefined) delete fields[key];
      else withoutAbsentFields(field);
    }
  }
  return value;
}
