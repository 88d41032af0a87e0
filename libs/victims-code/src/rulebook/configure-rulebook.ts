import type { Rulebook } from './rulebook';

export interface RuleSwitches {
  /** Rule ids to switch on, e.g. rules tagged U that a deployment has confirmed. */
  enable?: string[];
  disable?: string[];
}

/** A copy of the rulebook with rules switched on or off by configuration; an unknown id is an error. */
export function configureRulebook(rulebook: Rulebook, switches: RuleSwitches): Rulebook {
  const enable = new Set(switches.enable ?? []);
  const disable = new Set(switches.disable ?? []);
  const known = new Set(rulebook.rules.map((rule) => rule.id));
  const unknown = [...enable, ...disable].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new RangeError(`rulebook ${rulebook.id} has no rule ${unknown.join(', ')}`);
  const both = [...enable].filter((id) => disable.has(id));
  if (both.length > 0) throw new RangeError(`rule ${both.join(', ')} is both enabled and disabled`);
  return {
    ...rulebook,
    rules: rulebook.rules.map((rule) =>
      enable.has(rule.id) ? { ...rule, enabled: true } : disable.has(rule.id) ? { ...rule, enabled: false } : rule,
    ),
  };
}
