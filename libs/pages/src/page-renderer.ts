import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { formatChange, formatFigure } from '@case-journey/reporting';

/** Our templates: page layouts and each page's own (the board pack's under board-pack/). */
export const TEMPLATES_DIR = join(__dirname, '..', 'templates');
/** GOV.UK Frontend's package folder: its templates are `govuk/template.njk` and `govuk/components/…/macro.njk`. */
export const GOVUK_FRONTEND_DIR = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
/** MOJ Frontend's package folder: its templates are `moj/components/…/macro.njk`. */
export const MOJ_FRONTEND_DIR = dirname(require.resolve('@ministryofjustice/frontend/package.json'));

export interface PageRendererOptions {
  /** More template folders, searched after ours and before GOV.UK's and MOJ's (the web app's pages). */
  searchPaths?: string[];
}

/**
 * Server-rendered pages in the GOV.UK Design System: one Nunjucks environment that finds our
 * templates, the web app's, GOV.UK Frontend's and MOJ Frontend's, escapes by default, and formats
 * figures as the reports do. The board pack and the web pages share it.
 */
export class PageRenderer {
  private readonly environment: nunjucks.Environment;
  /** GOV.UK Frontend's compiled styles, for pages that must stand alone (a PDF, a saved pack). */
  readonly govukStyles = readFileSync(join(GOVUK_FRONTEND_DIR, 'govuk', 'govuk-frontend.min.css'), 'utf8');

  constructor(options: PageRendererOptions = {}) {
    const loader = new nunjucks.FileSystemLoader([TEMPLATES_DIR, ...(options.searchPaths ?? []), GOVUK_FRONTEND_DIR, MOJ_FRONTEND_DIR], { noCache: false });
    this.environment = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
    this.environment.addFilter('figure', formatFigure);
    this.environment.addFilter('change', formatChange);
  }

  /** A filter or global of the caller's own (the web app's London dates). */
  addFilter(name: string, filter: (...args: never[]) => unknown): void {
    this.environment.addFilter(name, filter as (...args: unknown[]) => unknown);
  }

  addGlobal(name: string, value: unknown): void {
    this.environment.addGlobal(name, value);
  }

  render(template: string, context: object): string {
    return this.environment.render(template, context);
  }
}
