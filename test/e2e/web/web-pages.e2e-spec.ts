import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CRIME_REPORT_EXAMPLE } from '../../../apps/api/src/cases/dto';
import { checkPage, launchChromium, signInAs } from './browser';
import { WebStack } from './web-stack';

/** Wednesday 25 November 2026, 11:00 London: the demo's "now", so its worklists have work due. */
const NOW = new Date('2026-11-25T11:00:00.000Z');
const POLICE_OFFICER = 'case-progression/Police/Wessex';
const WITNESS_CARE_OFFICER = 'witness-care/WCU/Wessex,Anglia';

/** Reloads the page until `done` holds (the projections show a recording within a second or two). */
async function reloadUntil(page: Page, done: () => Promise<boolean>, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${page.url()} did not change within ${limitMs} ms`);
    await page.waitForTimeout(300);
    await page.reload();
  }
}

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
    // Whichever starts is kept for afterAll to stop, even when the other fails: a browser left
    // running would hold the whole jest run open after its last test.
    const [started, launched] = await Promise.allSettled([WebStack.start({ now: NOW }), launchChromium()]);
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
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

  it("records a handoff through the form: the API's validation error beside its field, then the handoff on the timeline", async () => {
    const officer = await stack.tokenFor(POLICE_OFFICER);
    const { agency: _agency, ...report } = CRIME_REPORT_EXAMPLE;
    const opened = await stack.apiPost<{ caseId: string }>('/cases', officer, { ...report, area: 'Wessex', urn: '91WE9990001', sourceReference: 'WEB-E2E-1', occurredAt: '2026-11-24T20:00:00Z', receivedAt: '2026-11-24T20:30:00Z' });
    const page = await signInAs(await newContext(), stack.webUrl, POLICE_OFFICER);
    await page.goto(`${stack.webUrl}/cases/${opened.caseId}`);
    await page.getByRole('link', { name: 'Record a handoff' }).click();
    await page.getByLabel('Something happened to a suspect').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What happened').selectOption('arrested');
    await page.getByRole('button', { name: 'Record the handoff' }).click();

    // The suspect reference was left empty: the API refuses it, and the page says so beside the field.
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('suspectId');
    await expect(page.locator('#data-suspectId-error').textContent()).resolves.toContain('suspectId');
    await checkPage(page, 'case-progression', 'record-handoff-error');

    await page.getByLabel('Suspect reference').fill('S1');
    await page.getByRole('button', { name: 'Record the handoff' }).click();
    await page.waitForURL(`${stack.webUrl}/cases/${opened.caseId}`);
    await expect(page.getByTestId('flash').textContent()).resolves.toContain('Suspect event recorded recorded');
    await reloadUntil(page, async () => (await page.locator('[data-testid="timeline-table"] tbody tr').count()) === 2);
    await expect(page.locator('[data-testid="timeline-table"] tbody tr').nth(1).textContent()).resolves.toContain('Suspect event recorded');
  }, 120_000);

  it('works the worklist: records a contact for an overdue item, which then leaves the overdue tab', async () => {
    const page = await signInAs(await newContext(), stack.webUrl, WITNESS_CARE_OFFICER);
    expect(new URL(page.url()).pathname).toBe('/worklist');
    const overdueCount = async () => Number(/Overdue \((\d+)\)/.exec((await page.getByTestId('worklist-tabs').textContent()) ?? '')?.[1]);
    const before = await overdueCount();
    expect(before).toBeGreaterThan(0);
    await checkPage(page, 'witness-care', 'worklist');

    const first = page.locator('[data-testid="worklist-items"] tbody tr').first();
    const obligation = (await first.getAttribute('data-obligation'))!;
    const [caseId, victimId] = obligation.split('/').map(decodeURIComponent);
    const wcu = await stack.tokenFor(WITNESS_CARE_OFFICER);
    const touchpoints = async () => (await stack.apiGet<{ touchpoints: unknown[] }>(`/cases/${caseId}/victims/${victimId}/journey`, wcu)).touchpoints.length;
    const touchpointsBefore = await touchpoints();
    await first.getByRole('link', { name: /Record contact/ }).click();
    await page.getByLabel('Phone').check();
    await checkPage(page, 'witness-care', 'record-contact');
    // Sent twice, as a double click on a page without JavaScript would: the form's idempotency key makes it one event.
    const status = await page.evaluate(`(() => {
      const form = document.querySelector('[data-testid="contact-form"]');
      return fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin', redirect: 'manual' }).then((answer) => answer.type);
    })()`);
    expect(status).toBe('opaqueredirect');
    await page.getByRole('button', { name: 'Record the contact' }).click();
    await page.waitForURL((url) => url.pathname === '/worklist');
    await expect(page.getByTestId('flash').textContent()).resolves.toContain('Contact recorded');
    await reloadUntil(page, async () => (await page.locator(`[data-obligation="${obligation}"]`).count()) === 0);
    expect(await overdueCount()).toBe(before - 1);
    expect(await touchpoints()).toBe(touchpointsBefore + 1);
  }, 120_000);
});
