import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, as the board pack prints with it: playwright-core downloads no browser. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** Screenshots of every page for every role, saved by the run under test/ (the folder is not committed). */
export const SCREENSHOTS_DIR = join(__dirname, '..', '..', 'results', 'screenshots');

/** WCAG 2.2 AA, as axe-core tags it. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's source: the very module AxeBuilder puts in pages, its own dependency. */
const AXE_SOURCE = (createRequire(require.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;

/** AxeBuilder's script for a page that already holds axe-core: a check that it does. */
const AXE_IN_PAGE = "if (typeof window.axe?.run !== 'function') throw new Error('axe-core is not in the page');";

/** Checks the page with axe-core (every violation listed by rule and element) and for an object shown as text, and saves its screenshot. */
export async function checkPage(page: Page, role: string, name: string): Promise<void> {
  // A page without frames is checked by axe.run in the page itself (legacy mode): the same rules and
  // results, without the default's second injection of axe (1.3 MB) into a blank page opened to merge
  // the frames' partial results, which took about half of each check. Legacy mode still evaluates
  // axe's source in the page twice (before it looks for runPartial, and again to inject it): it is
  // put in once here, and AxeBuilder given only the check that it is there.
  // Only the violations are read, so axe gathers every node for them alone (resultTypes): every rule
  // still runs on every node, and the violations are the same, each with all its nodes; passes,
  // incomplete and inapplicable keep one node a rule. Their every node, returned through playwright's
  // protocol and checked against its schema, cost the jest process about 3 s of CPU over the suite.
  // An object written into a page where text belongs: a view model that misread the API's answer.
  expect({ page: name, role, objectShownAsText: (await page.locator('body').innerText()).includes('[object Object]') }).toEqual({ page: name, role, objectShownAsText: false });
  // Reflow (WCAG 1.4.10): at 320 px the page is no wider than the screen; a wide table scrolls in its own box.
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 320, height: viewport.height });
  const widthAt320 = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  await page.setViewportSize(viewport);
  expect({ page: name, role, widthAt320 }).toEqual({ page: name, role, widthAt320: 320 });
  const withoutFrames = page.frames().length === 1;
  if (withoutFrames) await page.evaluate(AXE_SOURCE);
  const results = await new AxeBuilder(withoutFrames ? { page, axeSource: AXE_IN_PAGE } : { page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_22_AA)
    .setLegacyMode(withoutFrames)
    .analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`);
  mkdirSync(join(SCREENSHOTS_DIR, role), { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, role, `${name}.png`), fullPage: true });
  expect({ page: name, role, violations }).toEqual({ page: name, role, violations: [] });
}

/** Signs in from the web app's sign-in page as a demo user, through the dev provider's login page. */
export async function signInAs(context: BrowserContext, webUrl: string, login: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${webUrl}/sign-in`);
  await page.locator(`a[href*="login=${encodeURIComponent(login)}"]`).click();
  await page.locator('input[name="password"]').fill('demo');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(webUrl) && !url.pathname.startsWith('/sign-in') && !url.pathname.startsWith('/auth/')), page.locator('button[type="submit"]').click()]);
  return page;
}
