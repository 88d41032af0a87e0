import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { checkShape } from '../cases/dto/body-shape';
import { withShapeFindings } from '../cases/dto/body-validation';
import { RequestValidationError } from './request-validation.error';

/**
 * Turns the query string into its DTO class and validates it: an unknown parameter or a bad value
 * is a 400 naming each parameter at fault.
 */
@Injectable()
export class QueryParamsPipe implements PipeTransform<Record<string, unknown>, Promise<object>> {
  async transform(value: Record<string, unknown>, { metatype }: ArgumentMetadata): Promise<object> {
    if (!metatype || metatype === Object) return value;
    const model = metatype as new () => object;
    // Before class-transformer, which skips `toString`, `constructor` and the like without a word.
    const shape = checkShape({ ...value }, model);
    const params = plainToInstance(model, shape.declaredPart);
    const errors = await validate(params, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
    if (shape.total > 0 || errors.length > 0) {
      const { errors: listed, total } = withShapeFindings(
        shape,
        errors.map((error) => ({ field: error.property, messages: Object.values(error.constraints ?? {}) })),
      );
      throw new RequestValidationError(listed, total);
    }
    return params;
  }
}
