import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsNumber,
  IsObject,
  IsPositive,
  IsString,
  IsUUID,
  Min,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { londonDayOf } from '@case-journey/victims-code';
import { ShapedBy } from './body-shape';
import { RequiredWhen, type CrossFieldRule } from './cross-field';
import { URN_PATTERN, inUtc, isCalendarDate, isInstant, isPhoneNumber, isUrn } from './formats';

/**
 * Field decorators: one line on a DTO property declares both its validation and its OpenAPI
 * documentation, so the two cannot disagree. Optional means "may be left out"; null is never
 * accepted in place of a value, so nothing null reaches an event.
 */
export interface FieldOptions<Dto = unknown> {
  description: string;
  example?: unknown;
  /** `true`: may be left out. A rule: may be left out unless the rule holds. */
  optional?: true | CrossFieldRule<Dto>;
}

/** Present, whatever else is wrong with it: a missing field is reported once, as missing. */
export const IsRequired = (): PropertyDecorator => IsDefined({ message: '$property is required' });

const TEXT_MAX = 2000;
const REFERENCE_MAX = 200;
const LIST_MAX = 100;

function field<Dto>(options: FieldOptions<Dto>, schema: ApiPropertyOptions, ...checks: PropertyDecorator[]): PropertyDecorator {
  const { description, example, optional } = options;
  const doc = { ...schema, description, ...(example !== undefined && { example }) } as ApiPropertyOptions;
  if (optional === undefined) return applyDecorators(ApiProperty(doc), IsRequired(), ...checks);
  if (optional === true) {
    return applyDecorators(ApiPropertyOptional(doc), ValidateIf((_dto: object, value: unknown) => value !== undefined), ...checks);
  }
  const conditional = { ...doc, description: `${description} Required ${optional.because}.` } as ApiPropertyOptions;
  return applyDecorators(ApiPropertyOptional(conditional), RequiredWhen(optional), ...checks);
}

/** A check on a value's text format; the message follows the field's name. */
const Conforms = (name: string, test: (value: unknown) => boolean, message: string): PropertyDecorator =>
  ValidateBy({
    name,
    validator: { validate: (value) => test(value), defaultMessage: (args) => `${args?.property} ${message}` },
  });

/** Text with something in it: a name, area or reference of only spaces says nothing and is refused. */
const NotBlank = (validation?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value) => typeof value !== 'string' || value.trim() !== '',
        defaultMessage: (args) => `${args?.property} must not be empty or only spaces`,
      },
    },
    validation,
  );

export const TextField = <Dto>(options: FieldOptions<Dto> & { maxLength?: number }): PropertyDecorator => {
  const maxLength = options.maxLength ?? TEXT_MAX;
  return field(options, { type: String, maxLength, pattern: '\\S' }, IsString(), NotBlank(), MaxLength(maxLength));
};

/** An identifier or reference given by an agency's system: hearing, file, charge, claim… */
export const ReferenceField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  TextField({ ...options, maxLength: REFERENCE_MAX });

/** An identifier this system gives: case, victim, event. */
export const UuidField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field(options, { type: String, format: 'uuid' }, IsUUID());

/** An instant with its zone; stored in UTC, as every event's instants are. */
export const InstantField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field(
    { example: '2025-01-06T21:40:00Z', ...options },
    { type: String, format: 'date-time' },
    Conforms('isInstant', isInstant, 'must be an ISO-8601 instant with a time zone (Z or ±hh:mm), e.g. 2025-01-06T21:40:00Z'),
    Transform(({ value }) => (isInstant(value) ? inUtc(value) : value)),
  );

/** A calendar date (YYYY-MM-DD) on or before today in London: a date of birth. */
export const PastDateField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field(
    options,
    { type: String, format: 'date' },
    Conforms('isCalendarDate', isCalendarDate, 'must be a calendar date as YYYY-MM-DD'),
    Conforms('notInFuture', (value) => !isCalendarDate(value) || value <= londonDayOf(new Date()), 'must not be in the future'),
  );

/** One value of a closed list of the domain's vocabulary. */
export const ChoiceField = <Dto>(
  values: readonly string[],
  options: FieldOptions<Dto>,
  validation?: ValidationOptions,
): PropertyDecorator => field(options, { type: String, enum: [...values] }, IsIn([...values], validation));

/** Several distinct values of a closed list. */
export const ChoicesField = <Dto>(values: readonly string[], options: FieldOptions<Dto> & { minSize?: number }): PropertyDecorator =>
  field(
    options,
    { type: String, enum: [...values], isArray: true, uniqueItems: true, minItems: options.minSize, maxItems: values.length },
    IsArray(),
    ArrayMinSize(options.minSize ?? 0),
    ArrayMaxSize(values.length),
    ArrayUnique(),
    IsIn([...values], { each: true }),
  );

/** A list of short free texts (needs, missing file items, bail conditions). */
export const TextListField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field(
    options,
    { type: String, isArray: true, maxItems: LIST_MAX },
    IsArray(),
    ArrayMaxSize(LIST_MAX),
    IsString({ each: true }),
    NotBlank({ each: true }),
    MaxLength(TEXT_MAX, { each: true }),
  );

export const FlagField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator => field(options, { type: Boolean }, IsBoolean());

export const NumberField = <Dto>(options: FieldOptions<Dto> & { integer?: true; min?: number; positive?: true }): PropertyDecorator =>
  field(
    options,
    { type: options.integer ? 'integer' : Number, minimum: options.positive ? 0 : options.min, exclusiveMinimum: options.positive },
    options.integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
    ...(options.min !== undefined ? [Min(options.min)] : []),
    ...(options.positive ? [IsPositive()] : []),
  );

/** Swagger tells a lazy type from a class by the function's name, which must be `type`. */
const lazyType = (model: () => new () => object) => ({ type: () => model() });

/** An object of a DTO class, validated field by field. */
export const NestedField = <Dto>(model: () => new () => object, options: FieldOptions<Dto>): PropertyDecorator =>
  field(options, lazyType(model), IsObject(), ValidateNested(), Type(model), ShapedBy(model));

/** A list of objects of a DTO class, each validated field by field. */
export const NestedListField = <Dto>(
  model: () => new () => object,
  options: FieldOptions<Dto> & { minSize?: number; maxSize?: number },
): PropertyDecorator =>
  field(
    options,
    { ...lazyType(model), isArray: true, minItems: options.minSize, maxItems: options.maxSize ?? LIST_MAX },
    IsArray(),
    ArrayMinSize(options.minSize ?? 0),
    ArrayMaxSize(options.maxSize ?? LIST_MAX),
    ValidateNested({ each: true, message: 'each item of $property must be an object' }),
    Type(model),
    ShapedBy(model),
  );

/** A free-form object whose shape another part of the API checks (a correction's replacement fields). */
export const ObjectField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field(options, { type: 'object', additionalProperties: true }, IsObject(), IsNotEmptyObject());

export const EmailField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field({ example: 'a.victim@example.org', ...options }, { type: String, format: 'email', maxLength: 254 }, IsEmail(), MaxLength(254));

export const PhoneField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field(
    { example: '07700 900123', ...options },
    { type: String, pattern: '^\\+?[\\d ()-]+$' },
    Conforms('isPhoneNumber', isPhoneNumber, 'may hold only digits, spaces, brackets, dashes and a leading +, with 9 to 15 digits'),
  );

export const UrnField = <Dto>(options: FieldOptions<Dto>): PropertyDecorator =>
  field(
    { example: '01AB2345624', ...options },
    { type: String, pattern: URN_PATTERN.source },
    Conforms('isUrn', isUrn, 'must be 2 digits, 2 letters and 7 digits, e.g. 01AB2345624'),
  );
