import {
  AGENCIES,
  CASE_EVENT_TYPES,
  COURT_NOTICES,
  ENHANCED_GROUNDS,
  INFORMATION_TOPICS,
  OFFENCE_CATEGORIES,
  OPT_OUT_SCOPES,
  VICTIM_KINDS,
} from '@case-journey/domain';
import { DefinitionChecker as Checker } from './definition-checker';
import {
  CONFIDENCES,
  type ClockRule,
  type EnhancedEligibility,
  type Rule,
  type RuleExceptions,
  type Rulebook,
  type Satisfier,
  type Trigger,
  type TriggerCondition,
} from './rulebook';

/** A rulebook file that does not validate; `issues` names each bad entry and field. */
export class RulebookError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid rulebook:\n${issues.join('\n')}`);
    this.name = 'RulebookError';
  }
}

/**
 * Validates a rulebook read from JSON and returns it typed. Throws a RulebookError listing every
 * problem, e.g. `rules[3] (R8.hearing-date).standardWorkingDays: must be a non-negative integer`.
 */
export function parseRulebook(json: unknown): Rulebook {
  const check = new Checker();
  const root = check.object(json, 'rulebook', ['id', 'title', 'effectiveFrom', 'enhanced', 'rules']);
  if (!root) throw new RulebookError(check.issues);
  const rulebook: Rulebook = {
    id: check.ruleId(root.id, 'id'),
    title: check.string(root.title, 'title'),
    effectiveFrom: check.londonDay(root.effectiveFrom, 'effectiveFrom'),
    enhanced: enhancedEligibility(check, root.enhanced, 'enhanced'),
    rules: check.array(root.rules, 'rules', (entry, path) => rule(check, entry, path)),
  };
  const seen = new Set<string>();
  rulebook.rules.forEach((r, i) => {
    if (seen.has(r.id)) check.issue(`rules[${i}] (${r.id}).id`, 'is used by an earlier rule');
    seen.add(r.id);
  });
  if (check.issues.length > 0) throw new RulebookError(check.issues);
  return rulebook;
}

function rule(check: Checker, json: unknown, index: string): Rule {
  const fields = ['id', 'right', 'title', 'triggers', 'clock', 'responsible', 'standardWorkingDays', 'enhancedWorkingDays',
    'satisfiedBy', 'linkBy', 'onePer', 'exceptions', 'confidence', 'enabled', 'source', 'notes'];
  const entry = check.object(json, index) ?? {};
  const path = typeof entry.id === 'string' ? `${index} (${entry.id})` : index;
  check.knownFields(entry, path, fields);
  const standardWorkingDays = check.workingDays(entry.standardWorkingDays, `${path}.standardWorkingDays`);
  const enhancedWorkingDays = check.workingDays(entry.enhancedWorkingDays, `${path}.enhancedWorkingDays`);
  if ((standardWorkingDays === null) !== (enhancedWorkingDays === null)) {
    check.issue(`${path}.enhancedWorkingDays`, 'must be null exactly when standardWorkingDays is (a touchpoint without a deadline)');
  }
  return {
    id: check.ruleId(entry.id, `${path}.id`),
    right: check.integer(entry.right, `${path}.right`, 1, 12),
    title: check.string(entry.title, `${path}.title`),
    triggers: check.array(entry.triggers, `${path}.triggers`, (t, p) => trigger(check, t, p), 1),
    clock: clock(check, entry.clock, `${path}.clock`),
    responsible: check.oneOf(entry.responsible, `${path}.responsible`, AGENCIES),
    standardWorkingDays,
    enhancedWorkingDays,
    satisfiedBy: satisfier(check, entry.satisfiedBy, `${path}.satisfiedBy`),
    ...(entry.linkBy === undefined ? {} : { linkBy: check.string(entry.linkBy, `${path}.linkBy`) }),
    ...(entry.onePer === undefined ? {} : { onePer: check.string(entry.onePer, `${path}.onePer`) }),
    exceptions: exceptions(check, entry.exceptions, `${path}.exceptions`),
    confidence: check.oneOf(entry.confidence, `${path}.confidence`, CONFIDENCES),
    enabled: check.boolean(entry.enabled, `${path}.enabled`),
    source: check.string(entry.source, `${path}.source`),
    ...(entry.notes === undefined ? {} : { notes: check.string(entry.notes, `${path}.notes`) }),
  };
}

function trigger(check: Checker, json: unknown, path: string): Trigger {
  const entry = check.object(json, path, ['event', 'when']) ?? {};
  return {
    event: check.oneOf(entry.event, `${path}.event`, CASE_EVENT_TYPES),
    when: entry.when === undefined ? [] : check.array(entry.when, `${path}.when`, (c, p) => condition(check, c, p)),
  };
}

function condition(check: Checker, json: unknown, path: string): TriggerCondition {
  const entry = check.object(json, path, ['field', 'equals', 'in', 'exists', 'atLeast', 'offenceCategoryIn']) ?? {};
  if ('offenceCategoryIn' in entry) {
    return { offenceCategoryIn: check.array(entry.offenceCategoryIn, `${path}.offenceCategoryIn`, (c, p) => check.oneOf(c, p, OFFENCE_CATEGORIES), 1) };
  }
  const field = check.string(entry.field, `${path}.field`);
  const tests = ['equals', 'in', 'exists', 'atLeast'].filter((key) => key in entry);
  if (tests.length !== 1) {
    check.issue(path, 'must have a field and exactly one of equals, in, exists, atLeast (or offenceCategoryIn alone)');
    return { field, exists: true };
  }
  if ('equals' in entry) return { field, equals: check.scalar(entry.equals, `${path}.equals`) };
  if ('in' in entry) return { field, in: check.array(entry.in, `${path}.in`, (v, p) => check.scalar(v, p), 1) };
  if ('exists' in entry) return { field, exists: check.boolean(entry.exists, `${path}.exists`) };
  return { field, atLeast: check.number(entry.atLeast, `${path}.atLeast`) };
}

function clock(check: Checker, json: unknown, path: string): ClockRule {
  const entry = check.object(json, path, ['start', 'courtNotice']) ?? {};
  const start = check.oneOf(entry.start, `${path}.start`, ['decision', 'receipt'] as const);
  if (entry.courtNotice === undefined) return { start };
  if (start !== 'receipt') check.issue(`${path}.courtNotice`, 'only applies to a receipt clock');
  return { start, courtNotice: check.oneOf(entry.courtNotice, `${path}.courtNotice`, COURT_NOTICES) };
}

function satisfier(check: Checker, json: unknown, path: string): Satisfier {
  const entry = check.object(json, path, ['event', 'topic', 'agencies']) ?? {};
  const event = check.oneOf(entry.event, `${path}.event`, CASE_EVENT_TYPES);
  const agencies = check.array(entry.agencies, `${path}.agencies`, (a, p) => check.oneOf(a, p, AGENCIES), 1);
  if (event === 'VictimInformed' && entry.topic === undefined) check.issue(`${path}.topic`, 'is required when the event is VictimInformed');
  if (entry.topic === undefined) return { event, agencies };
  return { event, topic: check.oneOf(entry.topic, `${path}.topic`, INFORMATION_TOPICS), agencies };
}

function exceptions(check: Checker, json: unknown, path: string): RuleExceptions {
  const entry = check.object(json, path, ['optOutScope', 'consent', 'notApplicableWhen']) ?? {};
  const result: RuleExceptions = {
    optOutScope: entry.optOutScope === null ? null : check.oneOf(entry.optOutScope, `${path}.optOutScope`, OPT_OUT_SCOPES),
  };
  if (entry.consent !== undefined) {
    const consentPath = `${path}.consent`;
    const consent = check.object(entry.consent, consentPath, ['offenceCategories', 'victimKinds', 'grounds']) ?? {};
    result.consent = {
      offenceCategories: check.array(consent.offenceCategories, `${consentPath}.offenceCategories`, (c, p) => check.oneOf(c, p, OFFENCE_CATEGORIES)),
      victimKinds: check.array(consent.victimKinds, `${consentPath}.victimKinds`, (c, p) => check.oneOf(c, p, VICTIM_KINDS)),
      grounds: check.array(consent.grounds, `${consentPath}.grounds`, (c, p) => check.oneOf(c, p, ENHANCED_GROUNDS)),
    };
  }
  if (entry.notApplicableWhen !== undefined) {
    result.notApplicableWhen = check.array(entry.notApplicableWhen, `${path}.notApplicableWhen`, (c, p) => {
      const exclusion = check.object(c, p, ['event', 'reason']) ?? {};
      return { event: check.oneOf(exclusion.event, `${p}.event`, CASE_EVENT_TYPES), reason: check.string(exclusion.reason, `${p}.reason`) };
    });
  }
  return result;
}

function enhancedEligibility(check: Checker, json: unknown, path: string): EnhancedEligibility {
  const entry = check.object(json, path, ['grounds', 'mostSeriousCategories', 'bereavedKinds']) ?? {};
  return {
    grounds: check.array(entry.grounds, `${path}.grounds`, (g, p) => {
      const ground = check.object(g, p, ['ground', 'confidence']) ?? {};
      return { ground: check.oneOf(ground.ground, `${p}.ground`, ENHANCED_GROUNDS), confidence: check.oneOf(ground.confidence, `${p}.confidence`, CONFIDENCES) };
    }),
    mostSeriousCategories: check.array(entry.mostSeriousCategories, `${path}.mostSeriousCategories`, (c, p) => check.oneOf(c, p, OFFENCE_CATEGORIES)),
    bereavedKinds: check.array(entry.bereavedKinds, `${path}.bereavedKinds`, (c, p) => check.oneOf(c, p, VICTIM_KINDS)),
  };
}
