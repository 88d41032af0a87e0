import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem, ApiUnreachable } from '../api/api-client';
import { SignInRequired } from '../sign-in/signed-in.guard';
import { WebPages } from './web-pages';

const TITLES: Record<number, string> = {
  403: 'You cannot see or do this',
  404: 'Page not found',
  410: 'This person’s details have been erased',
  429: 'Too many requests',
  503: 'Sorry, the service is unavailable',
  504: 'Sorry, the service is unavailable',
};

/**
 * Every failure as a page. A refusal by the API is shown as the API gave it (its own words), since
 * the API, not the web app, decides what each user may see; an expired sign-in goes back to sign in.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('web');

  constructor(private readonly pages: WebPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof SignInRequired || (exception instanceof ApiProblem && exception.status === 401)) {
      const returnTo = exception instanceof SignInRequired ? exception.returnTo : request.method === 'GET' ? request.originalUrl : '/';
      // Signed in before, and no longer: a token the API refused, or one that could not be renewed.
      const expired = exception instanceof ApiProblem || exception.expired;
      if (request.session) delete request.session.user;
      response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(returnTo)}${expired ? '&expired=1' : ''}`);
      return;
    }
    let status = 500;
    let detail = 'Something went wrong on our side. Try again later.';
    if (exception instanceof ApiProblem) {
      status = exception.status >= 500 ? 502 : exception.status;
      detail = exception.status >= 500 ? 'The case journey service did not answer as it should. Try again later.' : exception.message;
    } else if (exception instanceof ApiUnreachable) {
      status = exception.timedOut ? 504 : 503;
      detail = `${exception.message}. Try again in a few minutes.`;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      detail = status === 404 ? 'If you typed the web address, check it is correct.' : exception.message;
    }
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    this.pages.send(request, response, 'pages/error.njk', { status, title: TITLES[status] ?? 'Sorry, there is a problem with the service', detail }, status);
  }
}
