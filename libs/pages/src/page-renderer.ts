import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { formatChange, formatFigure } from '@case-journey/reporting';

/** Our templates: page layouts and each page's own (the board pack's under board-pack/). */
export const TEMPLATES_DIR = join(__dirname, '..', 'templates');
/** GOV.UK Frontend's package folder: its templates are `govuk/template.njk` and `govuk/components/…/macro.njk`. */
export const GOVUK_FRONTEND_DIR = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/**
 * Server-rendered pages in the GOV.UK Design System: one Nunjucks environment that finds our
 * templates and GOV.UK Frontend's, escapes by default, and formats figures as the reports do.
 * The board pack uses it, and the web pages (issue 12) are meant to share it.
 */
export class PageRenderer {
  private readonly environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([TEMPLATES_DIR, GOVUK_FRONTEND_DIR], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  /** GOV.UK Frontend's compiled styles, for pages that must stand alone (a PDF, a saved pack). */
  readonly govukStyles = readFileSync(join(GOVUK_FRONTEND_DIR, 'govuk', 'govuk-frontend.min.css'), 'utf8');

  constructor() {
    this.environment.addFilter('figure', formatFigure);
    this.environment.addFilter('change', formatChange);
  }

  render(template: string, context: object): string {
    return this.environment.render(template, context);
  }
}
