import { dayNumberOf } from '../calendar/london-day';

export type Json = Record<string, unknown>;
const RULE_ID = /^[A-Za-z0-9._-]+$/;

/**
 * Checks a definitions file read from JSON (the rulebook, the measures): collects issues, each naming
 * the entry and field, e.g. `rules[3] (R8.hearing-date).standardWorkingDays: must be ...`. Each check returns a value of the right type (a placeholder when invalid) so parsing carries on and reports every problem at once.
 */
export class DefinitionChecker {
  readonly issues: string[] = [];

  issue(path: string, message: string): void {
    this.issues.push(`${path}: ${message}`);
  }

  /** The value as an object; with `fields`, any other key is reported (a misspelt field would otherwise be ignored). */
  object(value: unknown, path: string, fields?: readonly string[]): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.issue(path, 'must be an object');
      return undefined;
    }
    if (fields) this.knownFields(value as Json, path, fields);
    return value as Json;
  }

  knownFields(entry: Json, path: string, fields: readonly string[]): void {
    for (const key of Object.keys(entry)) if (!fields.includes(key)) this.issue(`${path}.${key}`, 'is not a known field');
  }

  array<T>(value: unknown, path: string, each: (item: unknown, path: string) => T, minLength = 0): T[] {
    if (!Array.isArray(value)) {
      this.issue(path, 'must be an array');
      return [];
    }
    if (value.length < minLength) this.issue(path, `must have at least ${minLength} entr${minLength === 1 ? 'y' : 'ies'}`);
    return value.map((item, i) => each(item, `${path}[${i}]`));
  }

  string(value: unknown, path: string): string {
    if (typeof value === 'string' && value.length > 0) return value;
    this.issue(path, 'must be a non-empty string');
    return '';
  }

  ruleId(value: unknown, path: string): string {
    const id = this.string(value, path);
    if (id && !RULE_ID.test(id)) this.issue(path, "may hold only letters, digits, '.', '-' and '_'");
    return id;
  }

  londonDay(value: unknown, path: string): string {
    const day = this.string(value, path);
    try {
      if (day) dayNumberOf(day);
    } catch {
      this.issue(path, 'must be a calendar date YYYY-MM-DD');
    }
    return day;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value === 'boolean') return value;
    this.issue(path, 'must be true or false');
    return false;
  }

  number(value: unknown, path: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.issue(path, 'must be a number');
    return 0;
  }

  integer(value: unknown, path: string, min: number, max: number): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.issue(path, `must be an integer from ${min} to ${max}`);
    return min;
  }

  workingDays(value: unknown, path: string): number | null {
    if (value === null) return null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    this.issue(path, 'must be a non-negative integer (or null for a touchpoint without a deadline)');
    return null;
  }

  scalar(value: unknown, path: string): string | number | boolean {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    this.issue(path, 'must be a string, number or boolean');
    return '';
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const expected = allowed.length <= 12 ? `one of ${allowed.join(', ')}` : 'a name from the case journey vocabulary';
    this.issue(path, `must be ${expected}; got ${JSON.stringify(value) ?? 'nothing'}`);
    return allowed[0];
  }
}
