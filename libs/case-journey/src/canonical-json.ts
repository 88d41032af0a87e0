import { configure } from 'safe-stable-stringify';

/**
 * RFC 8785 canonical JSON (JCS) of plain data, character for character what the `canonicalize`
 * package writes (the spec compares them): object keys sorted by UTF-16 code unit, members whose
 * value is undefined left out, such array items written as null, `toJSON` honoured, strings and
 * numbers as JSON.stringify writes them, and NaN, an infinity or a cycle refused.
 *
 * Written by safe-stable-stringify (pino's own, well kept) rather than `canonicalize`: a bulk import
 * hashes every record (`contentHashOf`), and canonicalize's string per member and sorted copy of every
 * object's keys were a large share of what the import's deciding thread allocated.
 */
export const canonicalJson: (value: unknown) => string = configure({ deterministic: true, strict: true, bigint: false, circularValue: Error }) as (value: unknown) => string;
