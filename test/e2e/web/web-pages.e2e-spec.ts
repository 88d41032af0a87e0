import type { Browser, BrowserContext } from 'playwright-core';
import { checkPage, launchChromium, signInAs } from './browser';
import { WebStack } from './web-stack';

/** Wednesday 25 November 2026, 11:00 London: the demo's "now", so its worklists have work due. */
const NOW = new Date('2026-11-25T11:00:00.000Z');
const POLICE_OFFICER = 'case-progression/Police/Wessex';

/**
 * The web pages in a real browser (Debian's Chromium through playwright-core), against the whole
 * product: every page is checked with axe-core (WCAG 2.2 AA, no violation) and photographed.
 */
describe('the web pages in a browser', () => {
  let stack: WebStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([WebStack.start({ now: NOW }), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  /** A case of the area, its id and URN as the event log has them. */
  const aCaseOf = async (area: string) => {
    for (const recorded of await stack.store.readAll({ maxCount: 5000 })) {
      const data = recorded.data as { caseId?: string; area?: string; urn?: string };
      if (recorded.type === 'CrimeReported' && data.area === area) return { caseId: data.caseId!, urn: data.urn! };
    }
    throw new Error(`No case in ${area}`);
  };

  it('signs a case progression officer in, and shows a case: swimlanes, the same handoffs as a table, whom it waits on', async () => {
    const page = await signInAs(await newContext(), stack.webUrl, POLICE_OFFICER);
    await checkPage(page, 'case-progression', 'start');
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe(POLICE_OFFICER);

    const { caseId, urn } = await aCaseOf('Wessex');
    await page.goto(`${stack.webUrl}/cases/${caseId}`);
    await expect(page.locator('h1').textContent()).resolves.toContain(urn);
    const timeline = await stack.apiGet<{ entries: unknown[]; waitingOn: { agency: string } | null }>(`/cases/${caseId}/timeline`, await stack.tokenFor(POLICE_OFFICER));
    await expect(page.locator('[data-testid="timeline-table"] tbody tr').count()).resolves.toBe(timeline.entries.length);
    await expect(page.locator('[data-testid="timeline-chart"] svg[role="img"]').count()).resolves.toBe(1);
    const waiting = await page.getByTestId('waiting-on').textContent();
    expect(waiting).toContain(timeline.waitingOn ? `Waiting on ${timeline.waitingOn.agency} since` : 'Waiting on nobody');
    await checkPage(page, 'case-progression', 'case');
  }, 120_000);
});

