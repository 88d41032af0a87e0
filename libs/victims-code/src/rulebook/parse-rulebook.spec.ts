import shipped from '../../rulebooks/victims-code-2020.json';
import { configureRulebook } from './configure-rulebook';
import { RulebookError, parseRulebook } from './parse-rulebook';
import { VICTIMS_CODE_2020 } from './victims-code-2020';

const copy = (): any => JSON.parse(JSON.stringify(shipped));
const issuesOf = (json: unknown): string[] => {
  try {
    parseRulebook(json);
  } catch (error) {
    if (error instanceof RulebookError) return error.issues;
    throw error;
  }
  throw new Error('the rulebook was accepted');
};
const indexOf = (json: any, id: string): number => json.rules.findIndex((rule: { id: string }) => rule.id === id);

describe('parseRulebook', () => {
  it('accepts the shipped 2020 Code, in force from 1 April 2021', () => {
    expect(VICTIMS_CODE_2020.effectiveFrom).toBe('2021-04-01');
    expect(VICTIMS_CODE_2020.rules.length).toBeGreaterThanOrEqual(14);
  });

  it('ships every rule tagged U disabled, and every other rule enabled', () => {
    for (const rule of VICTIMS_CODE_2020.rules) expect({ id: rule.id, enabled: rule.enabled }).toEqual({ id: rule.id, enabled: rule.confidence !== 'U' });
    expect(VICTIMS_CODE_2020.rules.filter((rule) => !rule.enabled).map((rule) => rule.id)).toEqual(['R9.appeal']);
  });

  it('carries the deadlines of the shared rulebook table', () => {
    const days = Object.fromEntries(VICTIMS_CODE_2020.rules.map((r) => [r.id, [r.standardWorkingDays, r.enhancedWorkingDays, r.responsible]]));
    expect(days).toMatchObject({
      'R4.referral': [2, 2, 'Police'],
      'R6.no-investigation': [5, 1, 'Police'],
      'R6.suspect-event': [5, 1, 'Police'],
      'R6.charge-decision': [5, 1, 'Police'],
      'R6.cps-decision-letter': [5, 1, 'CPS'],
      'R8.hearing-date': [1, 1, 'WCU'],
      'R8.bail-outcome': [5, 1, 'WCU'],
      'R8.witness-required': [1, 1, 'WCU'],
      'R9.outcome': [1, 1, 'WCU'],
      'R9.sentence': [1, 1, 'WCU'],
      'R9.appeal': [null, null, 'WCU'],
      'R10.expenses': [10, 10, 'CPS'],
      'R11.vcs-referral': [10, 10, 'WCU'],
      'R11.vlo-contact': [20, 20, 'Probation'],
    });
  });

  it('names the entry and field of a bad deadline', () => {
    const json = copy();
    const i = indexOf(json, 'R8.hearing-date');
    json.rules[i].standardWorkingDays = -1;
    expect(issuesOf(json)).toEqual([
      `rules[${i}] (R8.hearing-date).standardWorkingDays: must be a non-negative integer (or null for a touchpoint without a deadline)`,
      `rules[${i}] (R8.hearing-date).enhancedWorkingDays: must be null exactly when standardWorkingDays is (a touchpoint without a deadline)`,
    ]);
  });

  it('reports every problem at once, with the path into nested entries', () => {
    const json = copy();
    const i = indexOf(json, 'R6.cps-decision-letter');
    json.rules[i].triggers[1].event = 'ProsecutionStopped';
    json.rules[i].satisfiedBy.topic = 'letter';
    json.rules[i].responsibel = 'CPS';
    const issues = issuesOf(json);
    expect(issues).toHaveLength(3);
    expect(issues).toContain(`rules[${i}] (R6.cps-decision-letter).responsibel: is not a known field`);
    expect(issues.some((issue) => issue.startsWith(`rules[${i}] (R6.cps-decision-letter).triggers[1].event: must be`))).toBe(true);
    expect(issues.some((issue) => issue.startsWith(`rules[${i}] (R6.cps-decision-letter).satisfiedBy.topic: must be`))).toBe(true);
  });

  it('rejects duplicate rule ids and ids that could not form an obligation id', () => {
    const json = copy();
    json.rules.push({ ...json.rules[0] });
    json.rules[1].id = 'R6:bad';
    const issues = issuesOf(json);
    expect(issues).toContain(`rules[${json.rules.length - 1}] (R4.referral).id: is used by an earlier rule`);
    expect(issues).toContain("rules[1] (R6:bad).id: may hold only letters, digits, '.', '-' and '_'");
  });

  it('requires a topic when the touchpoint is VictimInformed, and a receipt clock for a court notice', () => {
    const json = copy();
    const i = indexOf(json, 'R9.outcome');
    delete json.rules[i].satisfiedBy.topic;
    json.rules[i].clock.start = 'decision';
    expect(issuesOf(json)).toEqual([
      `rules[${i}] (R9.outcome).clock.courtNotice: only applies to a receipt clock`,
      `rules[${i}] (R9.outcome).satisfiedBy.topic: is required when the event is VictimInformed`,
    ]);
  });

  it('rejects a condition with two tests and a bad effective date', () => {
    const json = copy();
    const i = indexOf(json, 'R8.bail-outcome');
    json.rules[i].triggers[0].when[0] = { field: 'bailOutcome', exists: true, equals: 'x' };
    json.effectiveFrom = '2021-02-30';
    expect(issuesOf(json)).toEqual([
      'effectiveFrom: must be a calendar date YYYY-MM-DD',
      `rules[${i}] (R8.bail-outcome).triggers[0].when[0]: must have a field and exactly one of equals, in, exists, atLeast (or offenceCategoryIn alone)`,
    ]);
  });

  it('rejects something that is not a rulebook at all', () => {
    expect(issuesOf([])).toEqual(['rulebook: must be an object']);
  });

  it('lets a deployment change a deadline and add a rule without code', () => {
    const json = copy();
    json.rules[indexOf(json, 'R8.hearing-date')].standardWorkingDays = 2;
    json.rules.push({ ...json.rules[indexOf(json, 'R9.sentence')], id: 'R9.sentence-letter', satisfiedBy: { event: 'VictimInformed', topic: 'sentence', agencies: ['CPS'] } });
    const rulebook = parseRulebook(json);
    expect(rulebook.rules.find((r) => r.id === 'R8.hearing-date')?.standardWorkingDays).toBe(2);
    expect(rulebook.rules.map((r) => r.id)).toContain('R9.sentence-letter');
  });
});

describe('configureRulebook', () => {
  it('switches a disabled rule on without touching the others', () => {
    const configured = configureRulebook(VICTIMS_CODE_2020, { enable: ['R9.appeal'], disable: ['R10.expenses'] });
    expect(configured.rules.find((r) => r.id === 'R9.appeal')?.enabled).toBe(true);
    expect(configured.rules.find((r) => r.id === 'R10.expenses')?.enabled).toBe(false);
    expect(configured.rules.filter((r) => r.enabled)).toHaveLength(VICTIMS_CODE_2020.rules.filter((r) => r.enabled).length);
    expect(VICTIMS_CODE_2020.rules.find((r) => r.id === 'R9.appeal')?.enabled).toBe(false);
  });

  it('refuses an unknown rule id', () => {
    expect(() => configureRulebook(VICTIMS_CODE_2020, { enable: ['R9.apeal'] })).toThrow(/no rule R9.apeal/);
  });
});
