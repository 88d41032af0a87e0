import { JourneyRuleViolation } from './journey-rule-violation';
import type { JourneyRuleId } from './journey-rules';

/**
 * One rule of the journey: a named predicate over its arguments, the explanation given when it
 * does not hold, and the command field at fault. Deciders enforce rules; other code may ask
 * `rule.holds(...)` directly.
 */
export interface JourneyRule<Id extends string, Args extends unknown[]> {
  readonly id: Id;
  readonly holds: (...args: Args) => boolean;
  readonly explain: (...args: Args) => string;
  readonly field?: string | ((...args: Args) => string);
}

export const defineRule = <const Id extends string, Args extends unknown[]>(rule: JourneyRule<Id, Args>) => rule;

export function enforce<Args extends unknown[]>(rule: JourneyRule<JourneyRuleId, Args>, ...args: Args): void {
  if (rule.holds(...args)) return;
  const field = typeof rule.field === 'function' ? rule.field(...args) : rule.field;
  throw new JourneyRuleViolation(rule.id, rule.explain(...args), field);
}
