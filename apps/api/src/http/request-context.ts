import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { Store, storage } from 'nestjs-pino/storage';

/**
 * What is known of the request being handled. It is nestjs-pino's own store, so that one
 * AsyncLocalStorage, entered once per request, serves both: nestjs-pino finds the request's logger
 * in it, the product the request's id. Each AsyncLocalStorage in use is one more to carry into
 * every promise the request makes, and nestjs-pino's middleware would have entered its own.
 */
class RequestContext extends Store {
  constructor(
    logger: Logger,
    readonly requestId: string,
  ) {
    super(logger);
  }
}

/**
 * Makes the request's id (the X-Request-Id) and logger readable anywhere the request is handled,
 * so a command can stamp the id into its events' metadata without every layer passing it on.
 * Mounted after the body is parsed (body-parser resumes in the socket's context, not the
 * request's) and after the request log, which gives the request its logger.
 */
export function withRequestContext(request: Request, _response: Response, next: NextFunction): void {
  const { id: requestId, log } = request as Request & { id?: unknown; log?: Logger };
  if (typeof requestId !== 'string' || !log) return next();
  storage.run(new RequestContext(log, requestId), next);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  const context = storage.getStore();
  return context instanceof RequestContext ? context.requestId : undefined;
}
