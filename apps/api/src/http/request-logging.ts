import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { pinoHttp, type Options } from 'pino-http';

/** Where log lines go instead of stdout (tests read them). */
export interface LogDestination {
  write(line: string): void;
}

/** A caller's own request id is kept when it is a plain token (so ids can be followed across systems); otherwise one is made. */
export const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Gives the request its id before anything else runs, so every later step (the log, the events' metadata, a problem document) uses the same one. */
export function assignRequestId(request: IncomingMessage & { id?: unknown }, response: ServerResponse, next: () => void): void {
  if (typeof request.id !== 'string') request.id = requestIdOf(request, response);
  next();
}

/**
 * Structured logs through pino (nestjs-pino): one line per request with its id, status and time,
 * and every line logged while a request is handled carries the same `requestId`, which is also in
 * the X-Request-Id header and in every problem document. Tokens and cookies are never written.
 * What logs while handling a request logs through the request's own logger (`request.log`, which
 * binds its id): nestjs-pino's Logger serves the rest, outside any request.
 */
@Module({})
export class RequestLoggingModule {
  static forRoot(level: string, destination?: LogDestination): DynamicModule {
    const options = requestLogOptions(level);
    const logRequests = destination ? pinoHttp(options, destination) : pinoHttp(options);
    return {
      module: RequestLoggingModule,
      global: true,
      // nestjs-pino mounts no middleware of its own (`forRoutes: []`): the app mounts `REQUEST_LOG`
      // itself. nestjs-pino's would also enter an AsyncLocalStorage per request, and on Node 20 any
      // store in use turns on promise hooks for every promise (9–14 % of a write's CPU).
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options, useExisting: true, forRoutes: [] })],
      providers: [{ provide: REQUEST_LOG, useValue: logRequests }],
      exports: [REQUEST_LOG],
    };
  }
}

/** The request log's middleware (pino-http): gives the request its logger, `request.log`, and logs its closing line. */
export const REQUEST_LOG = Symbol('REQUEST_LOG');
export type RequestLog = (request: Request, response: Response, next: NextFunction) => void;

/** pino-http's options for the request log (exported for its spec). */
export function requestLogOptions(level: string): Options {
  return {
    level,
    genReqId: requestIdOf,
    // The request's logger binds its id alone, so lines logged while handling a request carry
    // `requestId`, not the whole request again; the request itself is added to its closing line.
    // Not pino-http's quietReqLogger, which did the same with a second logger per request made
    // from the first: pino makes a logger a child's prototype, and V8 reshapes a new prototype
    // every request, which cost several times the rest of the request's logging.
    customAttributeKeys: { req: 'requestId' },
    customSuccessObject: (request, _response, fields) => ({ req: request, ...fields }),
    customErrorObject: (request, _response, _error, fields) => ({ req: request, ...fields }),
    // Each line's request and response are read straight from Node's objects: wrapped, pino-http
    // first copied each into pino's standard shape (every response header among it) for these to pick from.
    wrapSerializers: false,
    serializers: {
      requestId: (request: IncomingMessage & { id: string }) => request.id,
      req: (request: IncomingMessage & { id: string; originalUrl?: string }) => ({ id: request.id, method: request.method, url: request.originalUrl ?? request.url }),
      // The status alone: the default wrote every response header (a long Content-Security-Policy among them) into every line.
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
      err: stdSerializers.err,
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
  };
}
