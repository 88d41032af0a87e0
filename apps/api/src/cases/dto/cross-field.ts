import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf } from 'class-validator';

/**
 * A rule that ties one field to the rest of its object. `because` completes the message
 * "<field> is required …" in the domain's words, so a 400 tells the sender why.
 */
export interface CrossFieldRule<Dto> {
  holds: (dto: Dto) => boolean;
  because: string;
}

export const REQUIRED_WHEN = 'requiredWhen';

const isGiven = (value: unknown): boolean => value !== undefined;

/** Optional unless the rule holds; then required. The field's own checks run whenever it is given. */
export function RequiredWhen<Dto>(rule: CrossFieldRule<Dto>): PropertyDecorator {
  return applyDecorators(
    ValidateIf((dto: object, value: unknown) => isGiven(value) || rule.holds(dto as Dto)),
    ValidateBy({
      name: REQUIRED_WHEN,
      validator: {
        validate: (value, args) => isGiven(value) || !rule.holds(args?.object as Dto),
        defaultMessage: (args) => `${args?.property} is required ${rule.because}`,
      },
    }),
  );
}

/** A list that must name at least one item when the rule holds. */
export function NotEmptyWhen<Dto>(rule: CrossFieldRule<Dto>): PropertyDecorator {
  return ValidateBy({
    name: 'notEmptyWhen',
    validator: {
      validate: (value, args) => !Array.isArray(value) || value.length > 0 || !rule.holds(args?.object as Dto),
      defaultMessage: (args) => `${args?.property} must not be empty ${rule.because}`,
    },
  });
}
