import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '../cases/dto';
import { textFault } from '../cases/dto/formats';
import { RequestValidationError } from './request-validation.error';

/**
 * A path segment's fault once percent-decoded. A segment without `%` decodes to itself, so it is
 * not decoded: every request's path is checked here, and decoding (with its try) was most of the cost.
 */
function segmentFault(segment: string): string | undefined {
  if (!segment.includes('%')) return textFault(segment);
  try {
    return textFault(decodeURIComponent(segment));
  } catch {
    return 'must be percent-encoded UTF-8';
  }
}

/** Notes the fault of a value that is text, or of each text in a list of them (a query parameter given twice, a header sent twice). */
function checkText(errors: FieldError[], field: string, value: unknown): void {
  if (typeof value === 'string') {
    const why = textFault(value);
    if (why) errors.push({ field, messages: [`${field} ${why}`] });
  } else if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'string') checkText(errors, field, item);
  }
}

/**
 * Refuses, for every route, a path segment, query parameter (name or value) or header that no
 * store can hold: a NUL, a lone surrogate, or percent-encoding that is not UTF-8. The body's text
 * is checked field by field where the body is validated.
 */
export function refuseUnfitRequestText(request: Request, _response: Response, next: NextFunction): void {
  const errors: FieldError[] = [];
  for (const segment of request.path.split('/')) {
    const why = segmentFault(segment);
    if (why) errors.push({ field: 'path', messages: [`path ${why}`] });
  }
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    checkText(errors, 'query', name);
    checkText(errors, name, value);
  }
  for (const [name, value] of Object.entries(request.headers)) checkText(errors, name, value);
  next(errors.length > 0 ? new RequestValidationError(errors) : undefined);
}
