import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { checkShape } from '../cases/dto/body-shape';
import { withShapeFindings } from '../cases/dto/body-validation';
import { RequestValidationError } from './request-validation.error';

/**
 * Parameters turned into their DTO class and validated: an unknown parameter or a bad value is a
 * 400 naming each one at fault, with the first check it failed (a missing value is not also too long).
 * Their shape is checked first, on the plain values, since class-transformer skips `toString`,
 * `constructor` and the like without a word; only their declared part is transformed.
 */
export async function validatedParams<T extends object>(metatype: new () => T, value: Record<string, unknown>): Promise<T> {
  const shape = checkShape({ ...value }, metatype);
  const params = plainToInstance(metatype, shape.declaredPart);
  const errors = await validate(params, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true, validationError: { target: false, value: false } });
  if (shape.total > 0 || errors.length > 0) {
    const { errors: listed, total } = withShapeFindings(
      shape,
      errors.map((error) => ({ field: error.property, messages: Object.values(error.constraints ?? {}) })),
    );
    throw new RequestValidationError(listed, total);
  }
  return params;
}
