import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RequestValidationError } from './request-validation.error';

/**
 * Parameters turned into their DTO class and validated: an unknown parameter or a bad value is a
 * 400 naming each one at fault, with the first check it failed (a missing value is not also too long).
 */
export async function validatedParams<T extends object>(metatype: new () => T, value: Record<string, unknown>): Promise<T> {
  const params = plainToInstance(metatype, value);
  const errors = await validate(params, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true, validationError: { target: false, value: false } });
  if (errors.length > 0) {
    throw new RequestValidationError(errors.map((error) => ({ field: error.property, messages: Object.values(error.constraints ?? {}) })));
  }
  return params;
}
