import type { FieldError } from '../cases/dto';

export type { FieldError };

/** A request that cannot be understood: answered 400 with every field at fault and why. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(readonly errors: FieldError[]) {
    super(`Invalid request: ${errors.map((error) => error.field).join(', ')}`);
  }
}
