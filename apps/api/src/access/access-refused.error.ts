import type { ScopeRefusal } from '@case-journey/access';

/** A call the caller's grant does not cover (403), naming the field that does not match. */
export class AccessRefusedError extends Error {
  override readonly name = 'AccessRefusedError';
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
  }

  static from(refusal: ScopeRefusal): AccessRefusedError {
    return new AccessRefusedError(refusal.reason, refusal.field);
  }
}
