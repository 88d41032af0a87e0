import type { CaseEventType } from '@case-journey/domain';
import { RECORDING_AGENCIES } from '@case-journey/access';
import { humanise } from '../../http/london-time';

/**
 * One field of a handoff's data, read off the API's own description of the record (its OpenAPI
 * document, made from the same decorators that validate it): so the form asks for exactly what
 * the API accepts, for every handoff type, and the API still judges every answer.
 */
export interface HandoffField {
  /** The field's path under `data`, a list's item by its index: `ineffectiveReason.code`, `charges.0.chargeId`. */
  path: string[];
  /** The form field's id and name: `data-ineffectiveReason-code`. */
  id: string;
  label: string;
  hint?: string;
  kind: 'text' | 'number' | 'radios' | 'select' | 'checkboxes' | 'lines' | 'yes-no' | 'instant' | 'json';
  options?: readonly string[];
  optional: boolean;
  /** A field of the one item the form offers of a list of records: the list's path, and whether it may be left out (else an empty list is sent). */
  list?: { path: string[]; optional: boolean };
}

/** The part of an OpenAPI schema object the form reads. */
export interface SchemaObject {
  type?: string;
  format?: string;
  enum?: string[];
  description?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  $ref?: string;
  allOf?: SchemaObject[];
  additionalProperties?: unknown;
}

export type Schemas = Record<string, SchemaObject>;

/** A choice among this many or fewer is shown as radios; more, as a select. */
const MOST_RADIOS = 8;
/** Nested records go no deeper than this: a deeper one would be no form a person fills in. */
const DEEPEST = 3;

export const fieldIdOf = (path: readonly string[]) => `data-${path.join('-')}`;

const resolved = (schema: SchemaObject, schemas: Schemas): SchemaObject => {
  const reference = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  if (!reference) return schema;
  const target = schemas[reference.slice(reference.lastIndexOf('/') + 1)] ?? {};
  return { ...target, description: schema.description ?? target.description };
};

/** `custodyMonths` → "Custody months"; `hearingId` → "Hearing ID"; `late-guilty-plea` → "Late guilty plea". */
export const labelOf = (name: string) => {
  const words = humanise(name);
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The form's fields for a record described by `schema`, nested records flattened under their parent's label. */
export function fieldsOf(schema: SchemaObject, schemas: Schemas, parent: { path: string[]; label?: string; optional: boolean } = { path: [], optional: false }, depth = 0): HandoffField[] {
  const record = resolved(schema, schemas);
  const required = new Set(record.required ?? []);
  return Object.entries(record.properties ?? {}).flatMap(([name, property]): HandoffField[] => {
    const path = [...parent.path, name];
    const optional = parent.optional || !required.has(name);
    const label = parent.label ? `${parent.label}: ${humanise(name)}` : labelOf(name);
    const field = (kind: HandoffField['kind'], extra: Partial<HandoffField> = {}): HandoffField[] => [
      { path, id: fieldIdOf(path), label, ...(property.description && { hint: property.description }), kind, optional, ...extra },
    ];
    const value = resolved(property, schemas);
    if (value.properties && depth < DEEPEST) return fieldsOf(value, schemas, { path, label, optional }, depth + 1);
    if (value.type === 'array') {
      const items = resolved(value.items ?? {}, schemas);
      // The form offers one item of a list of records; the API takes any number.
      if (items.properties && depth < DEEPEST) return fieldsOf(items, schemas, { path: [...path, '0'], label, optional }, depth + 1).map((item) => ({ list: { path, optional }, ...item }));
      if (items.enum) return field('checkboxes', { options: items.enum });
      return field('lines');
    }
    if (value.enum) return field(value.enum.length > MOST_RADIOS ? 'select' : 'radios', { options: value.enum });
    if (value.type === 'boolean') return field('yes-no');
    if (value.type === 'integer' || value.type === 'number') return field('number');
    if (value.format === 'date-time') return field('instant');
    if (value.type === 'object') return field('json');
    return field('text');
  });
}

/** The handoffs the user's agency records by a handoff (who records what is the access policy's table): its own, everyone's, and amendments of its own records. */
export function handoffTypesFor(agency: string | undefined, described: readonly string[]): CaseEventType[] {
  if (agency === undefined) return [];
  return (Object.keys(RECORDING_AGENCIES) as CaseEventType[]).filter((type) => {
    const recorders = RECORDING_AGENCIES[type];
    const records = recorders === 'any' || recorders === 'amended' || (Array.isArray(recorders) && (recorders as readonly string[]).includes(agency));
    return records && described.includes(type);
  });
}

export type InstantOf = (fields: { day: string; month: string; year: string; time: string }) => { instant: string } | { problem: string };

/**
 * The record's data from the form's answers. An optional field left empty is left out, a nested
 * record or list item with nothing filled in too; anything else is sent as typed, so that the API
 * names what is wrong with it. A form problem the API could not name (a date that is no date, text
 * that is no JSON) comes back by field id.
 */
export function dataOf(fields: readonly HandoffField[], body: Record<string, string | string[] | undefined>, instantOf: InstantOf): { data: Record<string, unknown>; problems: Record<string, string> } {
  const data: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const value = answerOf(field, body, instantOf);
    if ('problem' in value) problems[field.kind === 'instant' ? `${field.id}-day` : field.id] = value.problem;
    else if (value.answer !== undefined) placeAt(data, field.path, value.answer);
  }
  const record = listsOf(data) as Record<string, unknown>;
  for (const field of fields) if (field.list && !field.list.optional && valueAt(record, field.list.path) === undefined) placeAt(record, field.list.path, []);
  return { data: record, problems };
}

function answerOf(field: HandoffField, body: Record<string, string | string[] | undefined>, instantOf: InstantOf): { answer: unknown } | { problem: string } {
  const raw = body[field.id];
  const text = typeof raw === 'string' ? raw.trim() : '';
  const left = { answer: undefined };
  switch (field.kind) {
    case 'checkboxes': {
      const chosen = ([] as string[]).concat(raw ?? []).filter(Boolean);
      return chosen.length === 0 && field.optional ? left : { answer: chosen };
    }
    case 'lines': {
      const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      return lines.length === 0 && field.optional ? left : { answer: lines };
    }
    case 'instant': {
      const parts = { day: text0(body[`${field.id}-day`]), month: text0(body[`${field.id}-month`]), year: text0(body[`${field.id}-year`]), time: text0(body[`${field.id}-time`]) };
      if (Object.values(parts).every((part) => part === '')) return left;
      const instant = instantOf(parts);
      return 'problem' in instant ? { problem: `${field.label}: ${instant.problem.replace(/^When /, '')}` } : { answer: instant.instant };
    }
    case 'json': {
      if (text === '') return left;
      try {
        return { answer: JSON.parse(text) as unknown };
      } catch {
        return { problem: `${field.label} must be written as JSON, for example {"court": "St Albans Crown Court"}` };
      }
    }
    default: {
      if (text === '') return left; // not given: the API names a required field as missing
      if (field.kind === 'number') return { answer: /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text };
      if (field.kind === 'yes-no') return { answer: text === 'true' };
      return { answer: text };
    }
  }
}

const text0 = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : '');

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  return path.reduce<unknown>((into, part) => (typeof into === 'object' && into !== null ? (into as Record<string, unknown>)[part] : undefined), data);
}

function placeAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let into = data;
  for (const part of path.slice(0, -1)) into = (into[part] ??= {}) as Record<string, unknown>;
  into[path[path.length - 1]] = value;
}

/** Objects keyed 0, 1, … (a list's items, as the form names them) as arrays. */
function listsOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, listsOf(inner)] as const);
  return entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key)) ? entries.map(([, inner]) => inner) : Object.fromEntries(entries);
}

/**
 * The form field that sent what the API names: `data.charges[0].chargeId` → `data-charges-0-chargeId`;
 * a list or record named whole (`data.charges`) → its first field; the instant → its day.
 */
export function formFieldOf(fields: readonly HandoffField[], apiField: string): string | undefined {
  if (apiField === 'occurredAt') return 'when-day';
  if (!apiField.startsWith('data.')) return undefined;
  const id = fieldIdOf(apiField.slice(5).replace(/\[(\d+)\]/g, '.$1').split('.'));
  const exact = fields.find((field) => field.id === id);
  if (exact) return exact.kind === 'instant' ? `${id}-day` : id;
  const within = fields.find((field) => field.id.startsWith(`${id}-`));
  return within ? (within.kind === 'instant' ? `${within.id}-day` : within.id) : undefined;
}

/** `SuspectEventRecorded` → "Suspect event recorded". */
export const handoffTitle = (type: string) => labelOf(type);
