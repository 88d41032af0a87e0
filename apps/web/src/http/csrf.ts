import type { NextFunction, Request, Response } from 'express';
import { csrfSync } from 'csrf-sync';

/**
 * CSRF protection on every form (csrf-sync, the synchroniser token pattern): a token kept in the
 * session and sent back in each form's hidden `_csrf` field; a POST without the session's token is
 * refused with 403 before any route sees it.
 */
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (request) => (request.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
});

export const csrfTokenFor = (request: Request): string => generateToken(request);

export function csrfProtection(refuse: (request: Request, response: Response) => void) {
  return (request: Request, response: Response, next: NextFunction) =>
    csrfSynchronisedProtection(request, response, (error?: unknown) => (error ? refuse(request, response) : next()));
}
