import { RequestValidationError } from './request-validation.error';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header, when given: 1 to 200 visible ASCII characters. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new RequestValidationError([{ field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 200 visible ASCII characters'] }]);
  }
  return header;
}
