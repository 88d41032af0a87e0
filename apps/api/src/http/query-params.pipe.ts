import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { validatedParams } from './validated-params';

/** The query strings found valid lately, per parameter class, by their parameters' JSON. */
const validQueries = new WeakMap<new () => object, LRUCache<string, object>>();

/** How many valid query strings each parameter class keeps: the busiest reads ask the same few again and again. */
const KEPT_QUERIES = 500;

/**
 * Turns the query string into its DTO class and validates it: an unknown parameter or a bad value
 * is a 400 naming each parameter at fault. The busiest reads come with the same few query strings
 * (none for a timeline; a worklist's agency, status and limit), and whether parameters are valid
 * depends on them alone, so a query string found valid is kept: a request with it again is given a
 * copy of its parameters, as class-transformer would have made them, rather than going through
 * class-transformer and class-validator again. One found invalid is kept nowhere, so each request
 * with it is still refused with its 400.
 */
@Injectable()
export class QueryParamsPipe implements PipeTransform<Record<string, unknown>, Promise<object>> {
  async transform(value: Record<string, unknown>, { metatype }: ArgumentMetadata): Promise<object> {
    if (!metatype || metatype === Object) return value;
    const type = metatype as new () => object;
    let valid = validQueries.get(type);
    if (!valid) validQueries.set(type, (valid = new LRUCache({ max: KEPT_QUERIES })));
    const query = JSON.stringify(value ?? {});
    const known = valid.get(query);
    if (known) return copyOf(type, known);
    const params = await validatedParams(type, value ?? {});
    valid.set(query, copyOf(type, params));
    return params;
  }
}

/**
 * Parameters of the request's own, every value copied whole (lists, Dates, objects within), so that
 * no request sees another's changes. structuredClone copies the values but not the class, which is
 * put back; an object within comes back plain, which no handler minds: none asks a parameter's class.
 */
function copyOf(type: new () => object, params: object): object {
  return Object.assign(new type(), structuredClone(params));
}
