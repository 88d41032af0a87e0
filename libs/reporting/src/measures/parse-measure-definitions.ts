import { DefinitionChecker, type Json } from '@case-journey/victims-code';
import { dimensionsOf, FACT_SOURCE_NAMES, FACT_SOURCES, VICTIM_CHARACTERISTICS, type FactSource } from './fact-sources';
import type { MeasureColumn, MeasureDefinition, MeasureDefinitions } from './measure-definitions';

/** A definitions file that does not validate; `issues` names each bad entry and field. */
export class MeasureDefinitionsError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid measure definitions:\n${issues.join('\n')}`);
    this.name = 'MeasureDefinitionsError';
  }
}

export interface MeasureDefinitionsContext {
  /** The rulebook's entitlement (rule) ids an obligations measure may count. */
  entitlements: readonly string[];
}

const MEASURE_FIELDS = ['id', 'version', 'effectiveFrom', 'effectiveTo', 'title', 'description', 'source', 'entitlements', 'unit', 'counting',
  'numerator', 'denominator', 'columns', 'headline', 'breakdowns', 'disproportionality'];
const STATISTICS = ['rate', 'count', 'median', 'p90'] as const;
const COLUMN_UNITS = ['proportion', 'count', 'days', 'working-days'] as const;

/**
 * Validates measure definitions read from JSON and returns them typed, in the rulebook's checking
 * style: every problem at once, each naming its entry, e.g.
 * `measures[2] (file-quality).columns[0] (returned).numerator[0]: must be one of returned, accepted, awaiting-review; got "sent back"`.
 */
export function parseMeasureDefinitions(json: unknown, context: MeasureDefinitionsContext): MeasureDefinitions {
  const check = new DefinitionChecker();
  const root = check.object(json, 'definitions', ['id', 'version', 'title', 'measures']);
  if (!root) throw new MeasureDefinitionsError(check.issues);
  const definitions: MeasureDefinitions = {
    id: check.ruleId(root.id, 'id'),
    version: check.string(root.version, 'version'),
    title: check.string(root.title, 'title'),
    measures: check.array(root.measures, 'measures', (entry, path) => measure(check, entry, path, context), 1),
  };
  definitions.measures.forEach((one, i) => {
    const overlapping = definitions.measures.findIndex((other, j) => j < i && other.id === one.id && overlaps(one, other));
    if (overlapping >= 0) check.issue(`measures[${i}] (${one.id}).effectiveFrom`, `overlaps the period of measures[${overlapping}], an earlier version of the same measure`);
  });
  if (check.issues.length > 0) throw new MeasureDefinitionsError(check.issues);
  return definitions;
}

function measure(check: DefinitionChecker, json: unknown, index: string, context: MeasureDefinitionsContext): MeasureDefinition {
  const entry = check.object(json, index) ?? {};
  const path = typeof entry.id === 'string' ? `${index} (${entry.id})` : index;
  check.knownFields(entry, path, MEASURE_FIELDS);
  const source = check.oneOf(entry.source, `${path}.source`, FACT_SOURCE_NAMES);
  const effectiveFrom = check.londonDay(entry.effectiveFrom, `${path}.effectiveFrom`);
  const effectiveTo = entry.effectiveTo === undefined ? undefined : check.londonDay(entry.effectiveTo, `${path}.effectiveTo`);
  if (effectiveTo !== undefined && effectiveTo <= effectiveFrom) check.issue(`${path}.effectiveTo`, 'must be after effectiveFrom');
  const columns = check.array(entry.columns, `${path}.columns`, (column, columnPath) => measureColumn(check, column, columnPath, source), 1);
  const ids = columns.map((column) => column.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) check.issue(`${path}.columns[${i}] (${id}).id`, 'is used by an earlier column');
  });
  const headline = check.string(entry.headline, `${path}.headline`);
  if (headline && !ids.includes(headline)) check.issue(`${path}.headline`, `must be one of its columns (${ids.join(', ')}); got "${headline}"`);
  const breakdowns = check.array(entry.breakdowns, `${path}.breakdowns`, (b, p) => check.oneOf(b, p, dimensionsOf(source)));
  const disproportionality = check.array(entry.disproportionality, `${path}.disproportionality`, (d, p) => check.oneOf(d, p, VICTIM_CHARACTERISTICS));
  disproportionality.forEach((characteristic, i) => {
    if (!breakdowns.includes(characteristic)) check.issue(`${path}.disproportionality[${i}]`, `${characteristic} must also be one of the measure's breakdowns`);
  });
  if (disproportionality.length > 0 && !columns.some((column) => column.statistic === 'rate' && column.id === headline)) {
    check.issue(`${path}.disproportionality`, 'needs a rate as the headline column: it compares the headline rate across groups');
  }
  return {
    id: check.ruleId(entry.id, `${path}.id`),
    version: check.string(entry.version, `${path}.version`),
    effectiveFrom,
    ...(effectiveTo === undefined ? {} : { effectiveTo }),
    title: check.string(entry.title, `${path}.title`),
    description: check.string(entry.description, `${path}.description`),
    source,
    ...entitlementsOf(check, entry.entitlements, `${path}.entitlements`, source, context),
    unit: check.oneOf(entry.unit, `${path}.unit`, ['proportion', 'days', 'count'] as const),
    counting: check.string(entry.counting, `${path}.counting`),
    numerator: check.string(entry.numerator, `${path}.numerator`),
    denominator: check.string(entry.denominator, `${path}.denominator`),
    columns,
    headline,
    breakdowns,
    disproportionality,
  };
}

function entitlementsOf(check: DefinitionChecker, json: unknown, path: string, source: FactSource, context: MeasureDefinitionsContext): { entitlements?: string[] } {
  if (source !== 'obligations') {
    if (json !== undefined) check.issue(path, 'only an obligations measure counts entitlements');
    return {};
  }
  const entitlements = check.array(json, path, (id, p) => check.oneOf(id, p, context.entitlements), 1);
  return { entitlements };
}

function measureColumn(check: DefinitionChecker, json: unknown, index: string, source: FactSource): MeasureColumn {
  const entry = check.object(json, index) ?? {};
  const path = typeof entry.id === 'string' ? `${index} (${entry.id})` : index;
  check.knownFields(entry, path, ['id', 'title', 'statistic', 'numerator', 'denominator', 'unit']);
  const outcomes: readonly string[] = FACT_SOURCES[source].outcomes;
  const statistic = check.oneOf(entry.statistic, `${path}.statistic`, STATISTICS);
  const numerator = check.array(entry.numerator, `${path}.numerator`, (o, p) => check.oneOf(o, p, outcomes), 1);
  if ((statistic === 'median' || statistic === 'p90') && numerator.length !== 1) check.issue(`${path}.numerator`, `a ${statistic} measures exactly one outcome`);
  let denominator: string[] | undefined;
  if (statistic === 'rate') {
    denominator = check.array(entry.denominator, `${path}.denominator`, (o, p) => check.oneOf(o, p, outcomes), 1);
    const outside = numerator.filter((outcome) => !denominator!.includes(outcome));
    if (outside.length > 0) check.issue(`${path}.denominator`, `must include the numerator's ${outside.join(', ')}: a rate counts part of its base`);
  } else if (entry.denominator !== undefined) {
    check.issue(`${path}.denominator`, `only a rate has a denominator, not a ${statistic}`);
  }
  return {
    id: check.ruleId(entry.id, `${path}.id`),
    title: check.string(entry.title, `${path}.title`),
    statistic,
    numerator,
    ...(denominator ? { denominator } : {}),
    unit: check.oneOf(entry.unit, `${path}.unit`, COLUMN_UNITS),
  };
}

function overlaps(a: MeasureDefinition, b: MeasureDefinition): boolean {
  const end = (m: MeasureDefinition) => m.effectiveTo ?? '9999-12-31';
  return a.effectiveFrom < end(b) && b.effectiveFrom < end(a);
}
