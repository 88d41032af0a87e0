import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '../cases/dto';
import { textFault } from '../cases/dto/formats';
import { RequestValidationError } from './request-validation.error';

function decodedSegmentFault(segment: string): string | undefined {
  try {
    return textFault(decodeURIComponent(segment));
  } catch {
    return 'must be percent-encoded UTF-8';
  }
}

/**
 * Refuses, for every route, a path segment, query parameter (name or value) or header that no
 * store can hold: a NUL, a lone surrogate, or percent-encoding that is not UTF-8. The body's text
 * is checked field by field where the body is validated.
 */
export function refuseUnfitRequestText(request: Request, _response: Response, next: NextFunction): void {
  const errors: FieldError[] = [];
  const check = (field: string, value: unknown, fault: (text: string) => string | undefined = textFault) => {
    for (const text of [value].flat()) {
      const why = typeof text === 'string' ? fault(text) : undefined;
      if (why) errors.push({ field, messages: [`${field} ${why}`] });
    }
  };
  for (const segment of request.path.split('/')) check('path', segment, decodedSegmentFault);
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    check('query', name);
    check(name, value);
  }
  for (const [name, value] of Object.entries(request.headers)) check(name, value);
  next(errors.length > 0 ? new RequestValidationError(errors) : undefined);
}
