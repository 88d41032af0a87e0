import { goldenScenarios, type ExpectedObligation } from '../testing/golden';
import type { Obligation } from './obligation';
import { obligations } from './obligations';

type Projection = Record<string, unknown>;

const OPTIONAL_CHECKS = ['clock', 'clockStartedAt', 'reason', 'rulebook', 'handoff'] as const;

function expected(e: ExpectedObligation): Projection {
  const projection: Projection = {
    rule: e.rule,
    victim: e.victim ?? 'v1',
    trigger: e.trigger,
    status: e.status,
    due: e.due,
    by: e.by ?? null,
    late: e.late ?? null,
    rights: e.rights ?? 'standard',
  };
  for (const key of OPTIONAL_CHECKS) if (e[key] !== undefined) projection[key] = e[key];
  return projection;
}

function actual(o: Obligation, checks: readonly (typeof OPTIONAL_CHECKS)[number][]): Projection {
  const all: Projection = {
    rule: o.ruleId,
    victim: o.victimId,
    trigger: o.triggerEventId,
    status: o.status,
    due: o.dueAt,
    by: o.satisfiedByEventId,
    late: o.lateWorkingDays,
    rights: o.rights,
  };
  const optional: Projection = { clock: o.clockSource, clockStartedAt: o.clockStartedAt, reason: o.notApplicable?.reason, rulebook: o.rulebookId, handoff: o.handoffWorkingDays };
  for (const key of checks) all[key] = optional[key];
  return all;
}

const key = (p: Projection) => `${p.rule}|${p.victim}|${p.trigger}`;
const byKey = (a: Projection, b: Projection) => key(a).localeCompare(key(b));

describe('golden scenarios', () => {
  it('number at least 30 and have distinct names', () => {
    expect(goldenScenarios.length).toBeGreaterThanOrEqual(30);
    expect(new Set(goldenScenarios.map((s) => s.name)).size).toBe(goldenScenarios.length);
  });

  it.each(goldenScenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const result = obligations(scenario.given, scenario.asOf, scenario.options);
    const checksFor = (p: ExpectedObligation) => OPTIONAL_CHECKS.filter((k) => p[k] !== undefined);
    const wanted = scenario.then.map(expected).sort(byKey);
    const checksByKey = new Map(scenario.then.map((e) => [key(expected(e)), checksFor(e)]));
    const got = result
      .filter((o) => scenario.rules.includes(o.ruleId))
      .map((o) => actual(o, checksByKey.get(key(actual(o, []))) ?? []))
      .sort(byKey);
    expect(got).toEqual(wanted);
  });

  it.each(goldenScenarios.map((s) => [s.name, s] as const))('ids and JSON hold for every rule: %s', (_name, scenario) => {
    const result = obligations(scenario.given, scenario.asOf, scenario.options);
    const ids = result.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of result) {
      expect(o.id).not.toContain(':');
      expect(o.id).toBe(`${o.caseId}/${o.victimId}/${o.ruleId}/${o.triggerEventId}`);
    }
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
