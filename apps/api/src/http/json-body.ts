import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { RequestValidationError } from './request-validation.error';

/** Over this, 413. */
export const BODY_LIMIT = '1mb';

/**
 * The deepest nesting of objects and lists a body may have. The deepest the API reads is six
 * (a correction's `data.data.charges[0].offence`); past 32, a body is refused before it is parsed,
 * so no recursive step (the JSON parser's, class-transformer's, ours) can run out of stack.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * The most members one object or list of a body may have, also counted before parsing: far above
 * what any body declares (objects of at most 20 fields, lists of at most 100 items), and low enough
 * that JSON.parse never builds an object of 90,000 keys, which alone took over half a second.
 */
export const MAX_BODY_MEMBERS = 1_000;

const JSON_TYPES = ['application/json', 'application/*+json'];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * What makes raw JSON text too costly to parse, read byte by byte: nesting deeper than
 * MAX_BODY_DEPTH, or an object or list of more than MAX_BODY_MEMBERS members. Brackets and commas
 * inside strings are skipped; in UTF-8 no byte of a multi-byte character is below 0x80, so a
 * quote, backslash, comma or bracket byte is always that character. Malformed JSON is left to the parser.
 */
export function rawBodyFault(text: Uint8Array): string | undefined {
  const commas: number[] = [];
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const byte = text[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (commas.push(0) > MAX_BODY_DEPTH) return `body nests objects and lists more than ${MAX_BODY_DEPTH} levels deep`;
    } else if (CLOSERS.has(byte)) {
      commas.pop();
    } else if (byte === COMMA && commas.length > 0) {
      if (++commas[commas.length - 1] >= MAX_BODY_MEMBERS) return `an object or list in the body holds more than ${MAX_BODY_MEMBERS} members`;
    }
  }
  return undefined;
}

/** body-parser's hook on the raw bytes, before JSON.parse: UTF-8 only (RFC 8259), not too deep nor too wide. */
function checkRawBody(_request: unknown, _response: unknown, text: Buffer, encoding: string): void {
  if (encoding !== 'utf-8') throw new UnsupportedMediaTypeException(`A JSON body must be UTF-8, not ${encoding}`);
  const fault = rawBodyFault(text);
  if (fault) throw new RequestValidationError([{ field: 'body', messages: [fault] }]);
}

const hasBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** Routes that stream their body themselves (a file to import), checking its type there. */
const STREAMED_UPLOADS = new Set(['POST /imports']);

/** A body the API cannot read is 415, not a 400 about a body that seems empty. */
function refuseBodiesNotJson(request: Request, _response: Response, next: NextFunction): void {
  if (hasBody(request) && !request.is(JSON_TYPES) && !STREAMED_UPLOADS.has(`${request.method} ${request.path}`)) {
    next(new UnsupportedMediaTypeException(`The body must be JSON (Content-Type: application/json), not ${request.headers['content-type'] ?? 'untyped'}`));
    return;
  }
  next();
}

/** The only body parser: JSON up to BODY_LIMIT, checked by rawBodyFault before it is parsed. Nothing else is parsed. */
export function parseJsonBodies(app: NestExpressApplication): void {
  app.use(refuseBodiesNotJson);
  app.useBodyParser('json', { limit: BODY_LIMIT, type: JSON_TYPES, verify: checkRawBody });
}
