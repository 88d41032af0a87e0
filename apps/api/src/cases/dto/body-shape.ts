import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { MAX_LISTED_ERRORS, type FieldError } from './field-error';
import { inUtc, isInstant, textFault } from './formats';

/**
 * What is judged of a body before class-transformer sees it, on the plain parsed JSON.
 *
 * class-transformer copies a key onto a new instance of the DTO class only if the instance has no
 * function of that name, so `constructor`, `toString`, `valueOf`, `hasOwnProperty` (and
 * `__proto__`, which it would assign as the prototype) never reach class-validator's whitelist,
 * and the request was answered 201 with them silently dropped; nested under a field of another
 * type, `constructor` even crashed it. Here every own key of the raw object is compared with the
 * fields its DTO declares, so each undeclared one is named by its full path, at every depth.
 * Each string is checked too (no NUL, no lone surrogate), and a list longer than its field allows
 * is refused before any of its items is validated. The walk is linear in the body's size, and
 * records only the first MAX_LISTED_ERRORS findings while counting all of them.
 *
 * It also gives the body's declared part: a copy without what it refused (undeclared keys, built-in
 * names, unfit text, over-long lists), which class-transformer and class-validator can then judge safely, so
 * that a body's unknown fields and its bad values are answered together.
 */

// A DTO class, or an abstract base of one.
type Model = abstract new (...args: never[]) => object;

/** The model of a nested object (or of each item of a list), chosen from the object that holds it. */
export type ModelOf = (holder: Record<string, unknown>) => Model | undefined;

interface DeclaredField {
  modelOf?: ModelOf;
  /** A list (of `modelOf` objects, when it has one). */
  list: boolean;
  maxItems?: number;
  instant: boolean;
}

const NESTED_MODELS = new Map<Function, Map<string, ModelOf>>();
const DECLARED_FIELDS = new WeakMap<Function, Map<string, DeclaredField>>();

/** Declares the DTO class a field's object (or each object of its list) must follow. */
export function ShapedBy(modelOf: ModelOf): PropertyDecorator {
  return (prototype, property) => {
    const models = NESTED_MODELS.get(prototype.constructor) ?? new Map<string, ModelOf>();
    models.set(String(property), modelOf);
    NESTED_MODELS.set(prototype.constructor, models);
  };
}

function nestedModelOf(model: Function, property: string): ModelOf | undefined {
  for (let target = model; target && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
    const modelOf = NESTED_MODELS.get(target)?.get(property);
    if (modelOf) return modelOf;
  }
  return undefined;
}

/** The fields a DTO class declares (its own and inherited), read once from its class-validator decorators. */
function declaredFields(model: Model): Map<string, DeclaredField> {
  const cached = DECLARED_FIELDS.get(model);
  if (cached) return cached;
  const fields = new Map<string, DeclaredField>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(model, '', true, false)) {
    const field = fields.get(metadata.propertyName) ?? { modelOf: nestedModelOf(model, metadata.propertyName), list: false, instant: false };
    if (metadata.name === 'isArray') field.list = true;
    if (metadata.name === 'arrayMaxSize') field.maxItems = metadata.constraints[0] as number;
    if (metadata.name === 'isInstant') field.instant = true;
    fields.set(metadata.propertyName, field);
  }
  DECLARED_FIELDS.set(model, fields);
  return fields;
}

/** Findings, of which the first MAX_LISTED_ERRORS are kept and all are counted, and the part of the body left to validate. */
export interface ShapeCheck {
  errors: FieldError[];
  total: number;
  declaredPart: Record<string, unknown>;
}

class Findings {
  readonly errors: FieldError[] = [];
  total = 0;

  add(field: string, message: string): void {
    this.total++;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ field, messages: [message] });
  }
}

type JsonObject = Record<string, unknown>;

const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A key as a path shows it: a key of 100,000 characters is named by its start. */
const shownKey = (key: string): string => (key.length > 64 ? `${key.slice(0, 64)}…` : key);

const pathOf = (parent: string, key: string): string => (parent ? `${parent}.${shownKey(key)}` : shownKey(key));

/** A key no object of the API has, and that JavaScript objects inherit (`constructor`, `__proto__`, `toString`…) or that reaches a prototype. */
const isBuiltInName = (key: string): boolean => key in Object.prototype || key === 'prototype';

/** Checks a body (or any object at `path`) against its DTO class; a free-form object when `model` is undefined. */
export function checkShape(value: JsonObject, model: Model | undefined, path = ''): ShapeCheck {
  const findings = new Findings();
  const declaredPart = walkObject(value, model, path, findings);
  return { errors: findings.errors, total: findings.total, declaredPart };
}

/** Left out of the declared part. */
const REFUSED = Symbol('refused');

function walkObject(object: JsonObject, model: Model | undefined, path: string, findings: Findings): JsonObject {
  const fields = model && declaredFields(model);
  const kept: JsonObject = {};
  for (const key of Object.keys(object)) {
    const field = pathOf(path, key);
    let value: unknown = REFUSED;
    if (!fields) {
      const keyFault = isBuiltInName(key) ? 'is the name of a built-in property of every object, never a field' : textFault(key) && `(a field name) ${textFault(key)}`;
      if (keyFault) findings.add(field, `${shownKey(key)} ${keyFault}`);
      else value = walkValue(object[key], undefined, key, field, findings);
    } else {
      const declared = fields.get(key);
      if (declared) value = walkValue(object[key], declared, key, field, findings, object);
      else findings.add(field, `property ${shownKey(key)} should not exist`);
    }
    // Never a built-in name here, so plain assignment cannot reach a prototype.
    if (value !== REFUSED) kept[key] = value;
  }
  return kept;
}

/**
 * A value under a declared field, or anywhere in a free-form one (`declared` undefined). A value of
 * the wrong kind (a list for an object, say) is still walked, as free-form, for what it holds, and
 * left to class-validator to refuse; but an item of a list of objects that is not one is refused
 * here, since class-validator lets a list inside such a list through.
 */
function walkValue(value: unknown, declared: DeclaredField | undefined, name: string, path: string, findings: Findings, holder: JsonObject = {}): unknown {
  const model = declared?.modelOf?.(holder);
  if (typeof value === 'string') {
    const fault = textFault(value);
    if (!fault) return value;
    // Some validators choke on such text (an email check's URI decoding throws on a lone surrogate).
    findings.add(path, `${shownKey(name)} ${fault}`);
    return REFUSED;
  }
  if (Array.isArray(value)) {
    if (declared?.maxItems !== undefined && value.length > declared.maxItems) {
      findings.add(path, `${shownKey(name)} must contain no more than ${declared.maxItems} elements, not ${value.length}`);
      return REFUSED;
    }
    const itemModel = declared?.list ? model : undefined;
    const items = value.map((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (itemModel && !isJsonObject(item)) findings.add(itemPath, `each item of ${shownKey(name)} must be an object`);
      if (isJsonObject(item)) return walkObject(item, itemModel, itemPath, findings);
      return walkValue(item, undefined, `${name}[${index}]`, itemPath, findings);
    });
    // A list with an item refused is left out whole: without the item, the others would move up.
    return items.includes(REFUSED) ? REFUSED : items;
  }
  if (isJsonObject(value)) return walkObject(value, declared?.list ? undefined : model, path, findings);
  return value;
}

/**
 * The instants of a validated DTO (in UTC by then) that fall before `earliest`, at any depth: a
 * handoff dated 0000-01-01 is a keying error, not a fact. Every line of a bulk import passes here,
 * so the fields are walked without a list made per object, and a path is spelt only for a finding.
 */
export function instantsBefore(earliest: string, value: object, model: Model, path = '', found: FieldError[] = []): FieldError[] {
  const fields = declaredFields(model);
  for (const key of Object.keys(value)) {
    const field = (value as JsonObject)[key];
    const declared = fields.get(key);
    if (!declared || field === undefined) continue;
    if (declared.instant) {
      if (isInstant(field) && inUtcAlready(field) < earliest) {
        found.push({ field: pathOf(path, key), messages: [`${key} ${field} is before ${earliest}, the earliest instant a handoff may have: it cannot be right`] });
      }
      continue;
    }
    const nested = declared.modelOf?.(value as JsonObject);
    if (!nested) continue;
    const at = pathOf(path, key);
    if (Array.isArray(field)) {
      field.forEach((item, index) => {
        if (isJsonObject(item)) instantsBefore(earliest, item, nested, `${at}[${index}]`, found);
      });
    } else if (isJsonObject(field)) instantsBefore(earliest, field, nested, at, found);
  }
  return found;
}

/** `2025-01-06T20:40:00.000Z`: the one spelling of an instant in UTC that `inUtc` gives. */
const UTC_INSTANT_LENGTH = 24;

/**
 * The instant in UTC. A validated DTO's instants are so already (its transform put them in UTC), and
 * an instant of that length ending in Z can only be spelt that way: it is not parsed and printed again.
 */
const inUtcAlready = (instant: string): string => (instant.length === UTC_INSTANT_LENGTH && instant.endsWith('Z') ? instant : inUtc(instant));
