import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { PageRenderer } from '@case-journey/pages';
import { WEB_CONFIGURATION } from '../web-tokens';
import type { WebConfiguration } from '../web-configuration';
import { csrfTokenFor } from './csrf';
import { durationInWords, humanise, londonDate, londonDateTime } from './london-time';
import { navigationFor } from './navigation';

/** Each page's template sits beside its controller: the loader finds `pages/case/case.njk` from the app's source folder. */
export const WEB_SOURCE_DIR = join(__dirname, '..');

/**
 * Renders a page with what every page needs: the signed-in user, their navigation, a CSRF token
 * for its forms and the nonce its scripts carry. One PageRenderer (libs/pages) for the web pages
 * and the board pack alike.
 */
@Injectable()
export class WebPages {
  readonly renderer = new PageRenderer({ searchPaths: [WEB_SOURCE_DIR] });

  constructor(@Inject(WEB_CONFIGURATION) private readonly configuration: WebConfiguration) {
    this.renderer.addFilter('londonDate', londonDate);
    this.renderer.addFilter('londonDateTime', londonDateTime);
    // MOJ Frontend's timeline formats its dates with a `date` filter (moment, in the server's zone): ours is London's.
    this.renderer.addFilter('date', londonDateTime);
    this.renderer.addFilter('duration', durationInWords);
    this.renderer.addFilter('humanise', humanise);
  }

  html(request: Request, response: Response, template: string, model: object): string {
    const user = request.session?.user;
    // A message left by the form just sent (shown once, on the page it returned to).
    const flash = request.session?.flash;
    if (flash) delete request.session.flash;
    return this.renderer.render(template, {
      flash,
      ...model,
      user,
      navigation: navigationFor(user, request.path),
      // Only a signed-in user has forms, so an anonymous visit stores no session.
      csrfToken: user ? csrfTokenFor(request) : undefined,
      cspNonce: response.locals.cspNonce,
      serviceName: 'Case journey',
      demo: this.configuration.demoLogins.length > 0,
    });
  }

  send(request: Request, response: Response, template: string, model: object, status = 200): void {
    response.status(status).type('html').send(this.html(request, response, template, model));
  }
}
