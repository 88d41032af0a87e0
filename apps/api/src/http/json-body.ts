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

const JSON_TYPES = ['application/json', 'application/*+json'];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * Whether raw JSON text nests objects and lists deeper than `limit`, read byte by byte without
 * parsing: brackets inside strings are skipped. In UTF-8 no byte of a multi-byte character is
 * below 0x80, so a quote, backslash or bracket byte is always that character.
 */
export function nestsDeeperThan(text: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const byte = text[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}

/** body-parser's hook on the raw bytes, before JSON.parse: UTF-8 only (RFC 8259), and not too deep. */
function checkRawBody(_request: unknown, _response: unknown, text: Buffer, encoding: string): void {
  if (encoding !== 'utf-8') throw new UnsupportedMediaTypeException(`A JSON body must be UTF-8, not ${encoding}`);
  if (nestsDeeperThan(text, MAX_BODY_DEPTH)) {
    throw new RequestValidationError([{ field: 'body', messages: [`body nests objects and lists more than ${MAX_BODY_DEPTH} levels deep`] }]);
  }
}

const hasBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** A body the API cannot read is 415, not a 400 about a body that seems empty. */
function refuseBodiesNotJson(request: Request, _response: Response, next: NextFunction): void {
  if (hasBody(request) && !request.is(JSON_TYPES)) {
    next(new UnsupportedMediaTypeException(`The body must be JSON (Content-Type: application/json), not ${request.headers['content-type'] ?? 'untyped'}`));
    return;
  }
  next();
}

/** The only body parser: JSON up to BODY_LIMIT, at most MAX_BODY_DEPTH deep. Nothing else is parsed. */
export function parseJsonBodies(app: NestExpressApplication): void {
  app.use(refuseBodiesNotJson);
  app.useBodyParser('json', { limit: BODY_LIMIT, type: JSON_TYPES, verify: checkRawBody });
}
