import { AGENCIES, derivedCaseId, derivedVictimId, recordKey } from '@case-journey/domain';
import { HANDOFF_TYPES } from '../../cases/dto';
import { londonDate, londonInstant } from './london-time';

/**
 * A mapping of one source system's CSV extract onto the import's records: data, one JSON file per
 * extract (`mappings/*.json`), checked whole when loaded. Each row becomes one record, of the type
 * its `recordType` cell's code names, shaped by that type's template.
 *
 * A template is the record's JSON with each value either a literal object or list (a template in
 * turn) or a value spec, an object whose keys start with `$`:
 * - `{"$column": "Occurred", "$as": "london-time"}`: the cell, read as text (default), a London
 *   wall-clock time (`dd/mm/yyyy hh:mm[:ss]` or `yyyy-mm-dd hh:mm[:ss]`, to a UTC instant; British
 *   Summer Time and its changes handled), a date (`dd/mm/yyyy` to `yyyy-mm-dd`), an integer, or a
 *   list (`;`-separated); `$codes` maps the extract's codes onto the catalogue's, and an unknown
 *   code refuses the row, naming the column;
 * - `{"$value": …}`: a constant;
 * - `{"$caseOf": "Crime Ref"}`: the id of the case the crime report with that reference (in this
 *   mapping's source system, or `$sourceSystem`, or the one the `$sourceSystemColumn` cell names)
 *   opened, as the API derives it;
 * - `{"$victimOf": "Victim Ref"}`: an id for the victim that reference names within the row's case.
 * An empty cell leaves the field out: the record's own validation says whether it was needed.
 */
export interface Mapping {
  name: string;
  description: string;
  sourceSystem: string;
  agency?: string;
  recordType: ValueSpec;
  records: Record<string, Template>;
}

export type Template = { [field: string]: TemplateValue };
type TemplateValue = ValueSpec | Template | TemplateValue[] | string | number | boolean | null;
export type ValueSpec =
  | { $column: string; $as?: CellKind; $codes?: Record<string, unknown> }
  | { $value: unknown }
  | { $caseOf: string; $sourceSystem?: string; $sourceSystemColumn?: string }
  | { $victimOf: string };

export const CELL_KINDS = ['text', 'london-time', 'date', 'integer', 'list'] as const;
type CellKind = (typeof CELL_KINDS)[number];

/** A row the mapping cannot make a record of: the column at fault and why. */
export class RowFault extends Error {
  override readonly name = 'RowFault';
  constructor(
    readonly column: string,
    readonly reason: string,
  ) {
    super(`column ${column}: ${reason}`);
  }
}

/** A mapping that is not well formed: every problem found, each with where it is. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
  constructor(
    readonly mapping: string,
    readonly problems: string[],
  ) {
    super(`Mapping ${mapping} is not valid: ${problems.join('; ')}`);
  }
}

const RECORD_TYPES = new Set<string>(['CrimeReported', ...HANDOFF_TYPES]);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSpec = (value: unknown): value is ValueSpec => isObject(value) && Object.keys(value).some((key) => key.startsWith('$'));

/** Checks a mapping's JSON whole, listing every problem: an unknown record type, a spec of no known kind, codes not text. */
export function validatedMapping(json: unknown, name: string): Mapping {
  const problems: string[] = [];
  if (!isObject(json)) throw new MappingError(name, ['a mapping is a JSON object']);
  for (const field of ['name', 'description', 'sourceSystem'] as const) {
    if (typeof json[field] !== 'string' || json[field] === '') problems.push(`${field} must be a non-empty text`);
  }
  if (json.agency !== undefined && !(AGENCIES as readonly unknown[]).includes(json.agency)) problems.push(`agency must be one of ${AGENCIES.join(', ')}`);
  checkSpec(json.recordType, 'recordType', problems);
  const codes = isObject(json.recordType) && isObject(json.recordType.$codes) ? Object.values(json.recordType.$codes) : [];
  for (const type of codes) if (!RECORD_TYPES.has(String(type))) problems.push(`recordType.$codes: ${String(type)} is not a record type of the catalogue`);
  if (!isObject(json.records)) problems.push('records must map each record type to its template');
  else {
    for (const [type, template] of Object.entries(json.records)) {
      if (!RECORD_TYPES.has(type)) problems.push(`records.${type}: not a record type of the catalogue`);
      if (!isObject(template)) problems.push(`records.${type} must be a template object`);
      else checkTemplate(template, `records.${type}`, problems);
    }
    for (const type of codes) if (!Object.hasOwn(json.records, String(type))) problems.push(`records has no template for ${String(type)}, which recordType names`);
  }
  if (problems.length > 0) throw new MappingError(name, problems);
  return json as unknown as Mapping;
}

function checkTemplate(value: unknown, path: string, problems: string[]): void {
  if (isSpec(value)) checkSpec(value, path, problems);
  else if (Array.isArray(value)) value.forEach((item, index) => checkTemplate(item, `${path}[${index}]`, problems));
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) checkTemplate(item, `${path}.${key}`, problems);
}

function checkSpec(spec: unknown, path: string, problems: string[]): void {
  if (!isSpec(spec)) {
    problems.push(`${path} must be a value spec ($column, $value, $caseOf or $victimOf)`);
    return;
  }
  const keys = Object.keys(spec);
  const kinds = keys.filter((key) => ['$column', '$value', '$caseOf', '$victimOf'].includes(key));
  if (kinds.length !== 1) problems.push(`${path}: exactly one of $column, $value, $caseOf, $victimOf (found ${kinds.join(', ') || 'none'})`);
  const allowed = new Set([...kinds, ...(kinds[0] === '$column' ? ['$as', '$codes'] : kinds[0] === '$caseOf' ? ['$sourceSystem', '$sourceSystemColumn'] : [])]);
  for (const key of keys) if (!allowed.has(key)) problems.push(`${path}: ${key} is not known with ${kinds[0] ?? 'no kind'}`);
  for (const key of ['$column', '$caseOf', '$victimOf', '$sourceSystem', '$sourceSystemColumn'] as const) {
    if (key in spec && (typeof (spec as Record<string, unknown>)[key] !== 'string' || (spec as Record<string, unknown>)[key] === '')) problems.push(`${path}.${key} must name a column (text)`);
  }
  const { $as, $codes } = spec as { $as?: unknown; $codes?: unknown };
  if ($as !== undefined && !(CELL_KINDS as readonly unknown[]).includes($as)) problems.push(`${path}.$as must be one of ${CELL_KINDS.join(', ')}`);
  if ($codes !== undefined && !isObject($codes)) problems.push(`${path}.$codes must map codes to values`);
}

/** Every column the mapping reads: each must be in the extract's header. */
export function columnsOf(mapping: Mapping): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (isSpec(value)) {
      const spec = value as Record<string, unknown>;
      for (const key of ['$column', '$caseOf', '$victimOf', '$sourceSystemColumn']) if (typeof spec[key] === 'string') found.add(spec[key] as string);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (isObject(value)) Object.values(value).forEach(walk);
  };
  walk(mapping.recordType);
  walk(mapping.records);
  return [...found];
}

type Row = Record<string, string>;

/**
 * The record a row stands for: the line an NDJSON file would hold for it. Throws RowFault naming the
 * column when a cell cannot be read (an unknown code, a time that is no time).
 */
export function recordOf(mapping: Mapping, row: Row): Record<string, unknown> {
  const type = String(valueOf(mapping.recordType, row, mapping, undefined) ?? '');
  const template = mapping.records[type];
  const typeColumn = '$column' in mapping.recordType ? mapping.recordType.$column : 'recordType';
  if (!template) throw new RowFault(typeColumn, `no record type for ${JSON.stringify(row[typeColumn] ?? '')}`);
  const base = { sourceSystem: mapping.sourceSystem, ...(mapping.agency && { agency: mapping.agency }) };
  // The row's case first: a victim's id is derived within it.
  const caseId = isSpec(template.caseId) ? (valueOf(template.caseId, row, mapping, undefined) as string | undefined) : undefined;
  const filled = fill(template, row, mapping, caseId) as Record<string, unknown>;
  return { ...(type === 'CrimeReported' ? { type } : {}), ...base, ...filled, ...(type === 'CrimeReported' ? {} : { type }) };
}

function fill(template: TemplateValue, row: Row, mapping: Mapping, caseId: string | undefined): unknown {
  if (isSpec(template)) return valueOf(template, row, mapping, caseId);
  if (Array.isArray(template)) return template.map((item) => fill(item, row, mapping, caseId)).filter((item) => item !== undefined);
  if (isObject(template)) {
    const entries = Object.entries(template).flatMap(([key, value]) => {
      const filled = fill(value as TemplateValue, row, mapping, caseId);
      return filled === undefined ? [] : [[key, filled] as const];
    });
    return Object.fromEntries(entries);
  }
  return template;
}

function valueOf(spec: ValueSpec, row: Row, mapping: Mapping, caseId: string | undefined): unknown {
  if ('$value' in spec) return spec.$value;
  if ('$caseOf' in spec) {
    const reference = cell(row, spec.$caseOf);
    const sourceSystem = spec.$sourceSystemColumn ? cell(row, spec.$sourceSystemColumn) : (spec.$sourceSystem ?? mapping.sourceSystem);
    if (sourceSystem === undefined) throw new RowFault(spec.$sourceSystemColumn!, 'names no source system, so the case cannot be found');
    return reference === undefined ? undefined : derivedCaseId(recordKey({ sourceSystem, sourceReference: reference })!);
  }
  if ('$victimOf' in spec) {
    const reference = cell(row, spec.$victimOf);
    if (reference === undefined) return undefined;
    if (caseId === undefined) throw new RowFault(spec.$victimOf, "a victim's id needs the row's case (caseId)");
    return derivedVictimId(caseId, `reference:${reference}`);
  }
  const text = cell(row, spec.$column);
  if (text === undefined) return undefined;
  if (spec.$codes) {
    if (!Object.hasOwn(spec.$codes, text)) throw new RowFault(spec.$column, `code ${JSON.stringify(text)} is not one of ${Object.keys(spec.$codes).join(', ')}`);
    return spec.$codes[text];
  }
  return converted(text, spec.$as ?? 'text', spec.$column);
}

function converted(text: string, kind: CellKind, column: string): unknown {
  switch (kind) {
    case 'text':
      return text;
    case 'integer':
      if (!/^-?\d+$/.test(text)) throw new RowFault(column, `${JSON.stringify(text)} is not a whole number`);
      return Number(text);
    case 'list':
      return text.split(';').map((item) => item.trim()).filter((item) => item !== '');
    case 'date': {
      const date = londonDate(text);
      if (typeof date !== 'string') throw new RowFault(column, date.problem);
      return date;
    }
    case 'london-time': {
      const instant = londonInstant(text);
      if (typeof instant !== 'string') throw new RowFault(column, instant.problem);
      return instant;
    }
  }
}

const cell = (row: Row, column: string): string | undefined => {
  const value = row[column]?.trim();
  return value === undefined || value === '' ? undefined : value;
};
