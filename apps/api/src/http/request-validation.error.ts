import { MAX_LISTED_ERRORS, type FieldError } from '../cases/dto/field-error';

export type { FieldError };

/** A request that cannot be understood: answered 400 with the fields at fault and why. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  /** For the HTTP stack (body-parser's verify hook passes errors on by their status). */
  readonly status = 400;
  /** The first MAX_LISTED_ERRORS of them. */
  readonly errors: FieldError[];
  /** How many there were in all, listed or not. */
  readonly total: number;

  constructor(errors: FieldError[], total = errors.length) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    const named = listed.slice(0, 10).map((error) => error.field);
    super(`Invalid request: ${named.join(', ')}${total > named.length ? ` and ${total - named.length} more` : ''}`);
    this.errors = listed;
    this.total = Math.max(total, listed.length);
  }
}

/** The problem document of a request that cannot be understood: the fields at fault, and how many more were not listed. */
export function validationProblem(error: RequestValidationError): { status: 400; title: string; detail: string; [extension: string]: unknown } {
  const unlisted = error.total - error.errors.length;
  return { status: 400, title: 'Invalid request', detail: error.message, errors: error.errors, ...(unlisted > 0 && { errorsNotListed: unlisted }) };
}
