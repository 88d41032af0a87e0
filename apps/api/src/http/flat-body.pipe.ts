import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';
import { validatedParams } from './validated-params';

/** A small flat JSON body (an erasure's reason, say) as its DTO class, checked as query parameters are. */
@Injectable()
export class FlatBodyPipe implements PipeTransform<unknown, Promise<object>> {
  async transform(value: unknown, { metatype }: ArgumentMetadata): Promise<object> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new RequestValidationError([{ field: 'body', messages: ['body must be a JSON object'] }]);
    }
    return validatedParams(metatype as new () => object, value as Record<string, unknown>);
  }
}
