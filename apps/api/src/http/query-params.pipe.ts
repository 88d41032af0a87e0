import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validatedParams } from './validated-params';

/**
 * Turns the query string into its DTO class and validates it: an unknown parameter or a bad value
 * is a 400 naming each parameter at fault.
 */
@Injectable()
export class QueryParamsPipe implements PipeTransform<Record<string, unknown>, Promise<object>> {
  async transform(value: Record<string, unknown>, { metatype }: ArgumentMetadata): Promise<object> {
    if (!metatype || metatype === Object) return value;
    return validatedParams(metatype as new () => object, value ?? {});
  }
}
