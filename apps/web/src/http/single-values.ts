import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * A query's or a form's values, one a name. A name sent twice (`?area=a&area=b` in an address edited
 * by hand, a form field doubled by a script) keeps its first value, as a page that takes one value
 * reads it: Express would otherwise hand the page an array where it expects text.
 */
export function singleValues(values: Record<string, unknown> | undefined): Record<string, string> {
  const single: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') single[name] = first;
  }
  return single;
}

const singleOf = (part: 'query' | 'body') =>
  createParamDecorator((name: string | undefined, context: ExecutionContext) => {
    const values = singleValues(context.switchToHttp().getRequest<Request>()[part] as Record<string, unknown> | undefined);
    return name === undefined ? values : values[name];
  });

/** `@SingleQuery()`: the whole query, one value a name; `@SingleQuery('name')`: that name's first value. */
export const SingleQuery = singleOf('query');

/** `@SingleBody()`: a posted form, one value a name (a form whose fields may repeat, checkboxes, reads `@Body()`). */
export const SingleBody = singleOf('body');
