import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];

const REMEMBERED = Symbol('case-journey.remembered-rules');

/**
 * class-validator finds a class's rules anew on every validation of every object: it scans every
 * class it knows for the class's ancestors, filters their rules, and groups them by property
 * (typestack/class-validator#2686). On a bulk import that was a fifth of class-validator's time.
 * A class's rules are all registered when its module loads, so the storage here keeps each answer
 * per class and options, and forgets them all when a rule is registered (a class defined later):
 * what class-validator judges by is exactly its own answer, only not worked out again.
 */
export function rememberValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  const remembering = storage as MetadataStorage & { [REMEMBERED]?: true };
  if (remembering[REMEMBERED]) return;
  remembering[REMEMBERED] = true;

  let rulesOf = new Map<Target, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, Record<string, Rules>>();
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}\u0000${groups === undefined}`;
    const known = rulesOf.get(target) ?? new Map<string, Rules>();
    rulesOf.set(target, known);
    const rules = known.get(options) ?? find(target, schema, always, strictGroups, groups);
    known.set(options, rules);
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    const byProperty = grouped.get(rules) ?? group(rules);
    grouped.set(rules, byProperty);
    return byProperty;
  };
  storage.addValidationMetadata = (metadata) => {
    rulesOf = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
}
