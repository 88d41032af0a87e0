import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validatedParams } from './validated-params';

/** The parameter classes for which an empty query string has been found valid. */
const validWhenEmpty = new WeakSet<new () => object>();

const isEmpty = (value: Record<string, unknown> | undefined): boolean => {
  for (const _name in value) return false;
  return true;
};

/**
 * Turns the query string into its DTO class and validates it: an unknown parameter or a bad value
 * is a 400 naming each parameter at fault. Most reads come without a query string (a timeline);
 * once a class is found valid with none, a request without one is given a new instance of it
 * straight away, as class-transformer would have made it (its defaults, nothing else), rather than
 * through class-transformer and class-validator again. A class with a required parameter is never
 * found valid empty, so each such request is still refused with its 400.
 */
@Injectable()
export class QueryParamsPipe implements PipeTransform<Record<string, unknown>, Promise<object>> {
  async transform(value: Record<string, unknown>, { metatype }: ArgumentMetadata): Promise<object> {
    if (!metatype || metatype === Object) return value;
    const type = metatype as new () => object;
    const empty = isEmpty(value);
    if (empty && validWhenEmpty.has(type)) return new type();
    const params = await validatedParams(type, value ?? {});
    if (empty) validWhenEmpty.add(type);
    return params;
  }
}
