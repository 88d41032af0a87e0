import { plainToInstance, type ClassConstructor } from 'class-transformer';
import {
  IS_ARRAY,
  IS_BOOLEAN,
  IS_DEFINED,
  IS_INT,
  IS_NUMBER,
  IS_OBJECT,
  IS_STRING,
  validateSync,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import { withoutAbsentFields } from './absent-fields';
import { checkShape, instantsBefore, type ShapeCheck } from './body-shape';
import { REQUIRED_WHEN } from './cross-field';
import { rememberValidationRules } from './remembered-rules';
import type { FieldError } from './field-error';
import { HANDOFF_PAYLOADS, isHandoffType } from './handoff-payloads';
import type { HandoffType } from './handoff-type';
import { RecordHandoffDto, type HandoffRequest } from './record-handoff.dto';
import { ReportCrimeDto } from './report-crime.dto';

export type { FieldError };

rememberValidationRules();

/** A failure lists its first errors (MAX_LISTED_ERRORS) and, in `total`, counts them all. */
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; total?: number };

export interface BodyRules {
  /** The earliest instant a handoff may carry (ISO, UTC): earlier is a keying error. */
  earliestInstant?: string;
}

/** A validated handoff: its data is an instance of its type's payload class, so `type` narrows `data`. */
export type ValidatedHandoff = { [T in HandoffType]: HandoffRequest<T> }[HandoffType];

/** A field not declared is an error, not silently dropped: an agency learns its mapping is wrong. */
const STRICT: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

type JsonObject = Record<string, unknown>;

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NOT_AN_OBJECT: Validation<never> = { ok: false, errors: [{ field: 'body', messages: ['body must be a JSON object'] }] };

/**
 * The shape check's findings, then class-validator's on the body's declared part, less those about
 * a field the shape check already named, or inside or around one (a list too long, or one with an
 * item refused, is not also "required").
 */
export function withShapeFindings({ errors: found, total }: ShapeCheck, validation: FieldError[]): Validation<never> & { ok: false } {
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  const named = (field: string) => found.some((finding) => within(field, finding.field) || within(finding.field, field));
  const more = validation.filter((error) => !named(error.field));
  return { ok: false, errors: [...found, ...more], total: total + more.length };
}

/**
 * The body's shape first (unknown fields, unfit text, over-long lists), on the plain JSON; then its
 * declared part is transformed and validated, so every error is answered at once.
 */
export function validateCrimeReport(body: unknown, rules: BodyRules = {}): Validation<ReportCrimeDto> {
  if (!isJsonObject(body)) return NOT_AN_OBJECT;
  const shape = checkShape(body, ReportCrimeDto);
  const report = plainToInstance(ReportCrimeDto, shape.declaredPart);
  const errors = [...fieldErrorsOf(report), ...implausibleInstants(report, ReportCrimeDto, rules)];
  if (shape.total > 0 || errors.length > 0) return withShapeFindings(shape, errors);
  return { ok: true, value: withoutAbsentFields(report) };
}

/**
 * Checks the envelope and, when its type is known, the data for that type: every error at once.
 * The data is made its payload class's instance once; the envelope's own rules on it (required,
 * an object) judge that instance, or the data as sent when it has no payload class.
 */
export function validateHandoff(body: unknown, rules: BodyRules = {}): Validation<ValidatedHandoff> {
  if (!isJsonObject(body)) return NOT_AN_OBJECT;
  const shape = checkShape(body, RecordHandoffDto);
  const { data, ...envelope } = shape.declaredPart;
  const handoff = plainToInstance(RecordHandoffDto, envelope);
  const payload = payloadOf(shape.declaredPart);
  handoff.data = payload ?? (data as object);
  const errors = [...fieldErrorsOf(handoff), ...(payload ? fieldErrorsOf(payload, 'data') : [])];
  const validated = Object.assign(handoff, { data: payload });
  errors.push(...implausibleInstants(validated, RecordHandoffDto, rules));
  if (shape.total > 0 || errors.length > 0) return withShapeFindings(shape, errors);
  return { ok: true, value: withoutAbsentFields(validated) as ValidatedHandoff };
}

/**
 * The errors of one handoff type's payload, reported under `path`: a correction's replacement data
 * is checked, merged into what it corrects, as that type's payload (`data.data.court`).
 */
export function handoffPayloadErrors(type: HandoffType, data: Record<string, unknown>, path: string, rules: BodyRules = {}): FieldError[] {
  const model: ClassConstructor<object> = HANDOFF_PAYLOADS[type];
  const shape = checkShape(data, model, path);
  const payload = plainToInstance(model, shape.declaredPart);
  const errors = [...flatten(validateSync(payload, STRICT), path), ...implausibleInstants(payload, model, rules, path)];
  return shape.total > 0 || errors.length > 0 ? withShapeFindings(shape, errors).errors : [];
}

function implausibleInstants(dto: object, model: ClassConstructor<object>, { earliestInstant }: BodyRules, path = ''): FieldError[] {
  return earliestInstant ? instantsBefore(earliestInstant, dto, model, path) : [];
}

function payloadOf({ type, data }: JsonObject): object | undefined {
  if (!isHandoffType(type) || !isJsonObject(data)) return undefined;
  const payloadClass: ClassConstructor<object> = HANDOFF_PAYLOADS[type];
  return plainToInstance(payloadClass, data);
}

// No validator of these bodies is asynchronous: the synchronous run spares a bulk import a promise per object.
function fieldErrorsOf(instance: object, path = ''): FieldError[] {
  return flatten(validateSync(instance, STRICT), path);
}

function flatten(errors: ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    const own = error.constraints ? [{ field, messages: messagesOf(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A value missing or of the wrong kind fails every later check too; saying so once is clearer.
 * The first of these that failed is the only message; otherwise every failed check is.
 */
const DECISIVE_CHECKS = [IS_DEFINED, REQUIRED_WHEN, IS_OBJECT, IS_ARRAY, IS_STRING, IS_BOOLEAN, IS_INT, IS_NUMBER];

function messagesOf(constraints: Record<string, string>): string[] {
  const decisive = DECISIVE_CHECKS.find((check) => check in constraints);
  return decisive ? [constraints[decisive]] : Object.values(constraints);
}

/** Array items are children named by their index: `victims[0]`, not `victims.0`. */
const pathOf = (parent: string, property: string): string =>
  /^\d+$/.test(property) ? `${parent}[${property}]` : parent ? `${parent}.${property}` : property;
