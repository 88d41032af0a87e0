import { RequestValidationError } from './request-validation.error';

/** The stream revision as a strong ETag. */
export const revisionTag = (revision: bigint): string => `"${revision}"`;

/** The ETag response header as the OpenAPI document names it. */
export const ETAG_HEADER = {
  ETag: { description: "The case's revision: send it as If-Match to write only if nothing changed since, or as If-None-Match to read only if it did", schema: { type: 'string', example: '"3"' } },
};

/** Reads an If-Match header: undefined when absent; a 400 naming the header when it is not one revision. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,18})"?\s*$/.exec(header);
  if (!match) {
    throw new RequestValidationError([{ field: 'If-Match', messages: ['If-Match must be one revision as given in an ETag, e.g. "3"'] }]);
  }
  return BigInt(match[1]);
}
