import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { csrfProtection } from './http/csrf';
import { SessionRedis, sessions } from './http/session';
import { serveAssets } from './http/static-assets';
import { WebPages } from './http/web-pages';
import type { WebConfiguration } from './web-configuration';
import { WebModule, type WebOverrides } from './web.module';

/** The web app, configured but not listening: main.ts listens, the browser tests drive it in process. */
export async function createWeb(configuration: WebConfiguration, overrides: WebOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WebModule.forRoot(configuration, overrides), { logger: ['error', 'warn'], bodyParser: false });
  app.use((_request: express.Request, response: express.Response, next: express.NextFunction) => {
    response.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      // Over plain http (development) browsers must not be told to upgrade to https.
      strictTransportSecurity: configuration.baseUrl.startsWith('https:'),
      contentSecurityPolicy: {
        directives: {
          upgradeInsecureRequests: configuration.baseUrl.startsWith('https:') ? [] : null,
          // GOV.UK's template marks the body as JavaScript-enabled with one inline script: it carries the nonce.
          scriptSrc: ["'self'", (_request, response) => `'nonce-${(response as express.Response).locals.cspNonce}'`],
          // The sign-in form posts to the issuer.
          formAction: ["'self'", configuration.oidcIssuer],
        },
      },
    }),
  );
  serveAssets(app.getHttpAdapter().getInstance() as express.Express);
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(sessions(configuration, app.get(SessionRedis).client));
  const pages = app.get(WebPages);
  app.use(
    csrfProtection((request, response) =>
      pages.send(request, response, 'pages/error.njk', { status: 403, title: 'This form had expired', detail: 'Go back, reload the page and send the form again.' }, 403),
    ),
  );
  app.enableShutdownHooks();
  return app;
}
