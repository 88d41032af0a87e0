import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/**
 * Makes the request's id (pino-http's `req.id`, the X-Request-Id) readable anywhere the request is
 * handled, so a command can stamp it into its events' metadata without every layer passing it on.
 * Mounted after the body is parsed: body-parser resumes in the socket's context, not the request's.
 */
export function withRequestContext(request: Request, _response: Response, next: NextFunction): void {
  const requestId = (request as Request & { id?: unknown }).id;
  if (typeof requestId !== 'string') return next();
  context.run({ requestId }, next);
}

/** The id of the request being handled, if any. */
export const currentRequestId = (): string | undefined => context.getStore()?.requestId;
