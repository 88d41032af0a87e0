import { RequestValidationError } from './request-validation.error';

/** The stream revision as a strong ETag. */
export const revisionTag = (revision: bigint): string => `"${revision}"`;

/** Reads an If-Match header: undefined when absent; a 400 naming the header when it is not one revision. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,18})"?\s*$/.exec(header);
  if (!match) {
    throw new RequestValidationError([{ field: 'If-Match', messages: ['If-Match must be one revision as given in an ETag, e.g. "3"'] }]);
  }
  return BigInt(match[1]);
}
