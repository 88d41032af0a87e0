import { join } from 'node:path';
import express, { type Express } from 'express';
import { GOVUK_FRONTEND_DIR, MOJ_FRONTEND_DIR } from '@case-journey/pages';

const GOVUK = join(GOVUK_FRONTEND_DIR, 'govuk');
const MOJ = join(MOJ_FRONTEND_DIR, 'moj');
const OURS = join(__dirname, '..', 'assets');

/** GOV.UK Frontend's and MOJ Frontend's compiled styles, scripts, fonts and images, served as they ship. */
export function serveAssets(app: Express): void {
  const cached = { maxAge: '1h', index: false } as const;
  app.use('/assets', express.static(join(GOVUK, 'assets'), cached));
  const file = (path: string, from: string) => app.get(path, (_request, response) => response.sendFile(from, { maxAge: '1h' }));
  file('/stylesheets/govuk-frontend.min.css', join(GOVUK, 'govuk-frontend.min.css'));
  file('/stylesheets/moj-frontend.min.css', join(MOJ, 'moj-frontend.min.css'));
  file('/javascripts/govuk-frontend.min.js', join(GOVUK, 'govuk-frontend.min.js'));
  file('/javascripts/moj-frontend.min.js', join(MOJ, 'moj-frontend.min.js'));
  file('/javascripts/init.mjs', join(OURS, 'init.mjs'));
  file('/javascripts/job-progress.mjs', join(OURS, 'job-progress.mjs'));
  file('/stylesheets/web.css', join(OURS, 'web.css'));
}
