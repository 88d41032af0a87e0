import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the only browser this product prints with (installed by `.ci/run` and `npm start`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Prints a self-contained HTML page to an A4 PDF with headless Chromium through playwright-core.
 * One browser is started on first use and kept; each page gets its own context, with JavaScript
 * off and every request refused, so a pack prints only what is inlined in it.
 */
export class PdfPrinter {
  private browser?: Promise<Browser>;

  constructor(private readonly chromiumPath = DEBIAN_CHROMIUM) {}

  async print(html: string, title: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;font-family:Arial,sans-serif">${escapeHtml(title)} · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close();
  }

  private launch(): Promise<Browser> {
    if (!existsSync(this.chromiumPath)) {
      throw new Error(`No Chromium at ${this.chromiumPath}: install Debian's (apt-get install -y chromium), or set CHROMIUM_PATH`);
    }
    if (!this.browser) {
      // A browser that fails to start, crashes or is closed is started afresh for the next pack.
      const launching = chromium.launch({ executablePath: this.chromiumPath, args: CHROMIUM_FLAGS, headless: true });
      this.browser = launching;
      launching.then(
        (browser) => browser.on('disconnected', () => this.browser === launching && (this.browser = undefined)),
        () => this.browser === launching && (this.browser = undefined),
      );
    }
    return this.browser;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
