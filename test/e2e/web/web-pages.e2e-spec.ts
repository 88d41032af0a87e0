import Redis from 'ioredis';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CRIME_REPORT_EXAMPLE, HANDOFF_EXAMPLES } from '../../../apps/api/src/cases/dto';
import { DEMO_USERS } from '../../../apps/dev-identity-provider/src/demo-directory';
import { checkPage, launchChromium, signInAs } from './browser';
import { WebStack } from './web-stack';

/** Wednesday 25 November 2026, 11:00 London: the demo's "now", so its worklists have work due. */
const NOW = new Date('2026-11-25T11:00:00.000Z');
const POLICE_OFFICER = 'case-progression/Police/Wessex';
const WITNESS_CARE_OFFICER = 'witness-care/WCU/Wessex,Anglia';
const BOARD_MEMBER = 'board/-/Wessex';
const CPS_LAWYER = 'case-progression/CPS/Wessex';
const DATA_PROTECTION_OFFICER = 'data-protection';

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
  }, 300_000);

  /**
   * A demo user signed in from the sign-in page once, their session shared by the tests below that
   * work as them (each sign-in through the dev provider took a second or more): a page of theirs
   * opened at the web app's root, which sends them to their start page as signing in does. The
   * sign-in tests and the renewal test (it spoils its session's tokens) sign in on their own.
   */
  const sessions = new Map<string, BrowserContext>();
  const pageAs = async (login: string): Promise<Page> => {
    const session = sessions.get(login);
    if (!session) {
      const page = await signInAs(await newContext(), stack.webUrl, login);
      sessions.set(login, page.context());
      return page;
    }
    const page = await session.newPage();
    await page.goto(`${stack.webUrl}/`);
    return page;
  };

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  /** A case of the area that got as far as the handoff named, its id and URN as the event log has them. */
  const aCaseOf = async (area: string, reached: string) => {
    const events = await stack.store.readAll({ maxCount: 10_000 });
    const reports = new Map(events.filter((recorded) => recorded.type === 'CrimeReported').map((recorded) => [(recorded.data as { caseId: string }).caseId, recorded.data as { caseId: string; area: string; urn: string }]));
    for (const recorded of events) {
      const report = reports.get((recorded.data as { caseId?: string }).caseId ?? '');
      if (recorded.type === reached && report?.area === area) return { caseId: report.caseId, urn: report.urn };
    }
    throw new Error(`No case in ${area} reached ${reached}`);
  };

  it.each(DEMO_USERS.map((login) => [login]))('signs %s in from the sign-in page, onto their start page', async (login) => {
    const page = await signInAs(await newContext(), stack.webUrl, login);
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe(login);
    await checkPage(page, login.split('/')[0] + (login.includes('/CPS/') ? '-cps' : ''), 'start');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${stack.webUrl}/worklist`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  }, 120_000);

  it('finds a case by URN and opens its timeline: swimlanes, the same handoffs as a table, whom it waits on', async () => {
    const { caseId, urn } = await aCaseOf('Wessex', 'HearingListed');
    const page = await pageAs(POLICE_OFFICER);
    await page.getByLabel('URN').fill(urn.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('[data-testid="case-results"] tbody tr').count()).resolves.toBe(1);
    await checkPage(page, 'case-progression', 'case-finder');
    await page.getByRole('link', { name: urn }).click();
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);

    await expect(page.locator('h1').textContent()).resolves.toContain(urn);
    const timeline = await stack.apiGet<{ entries: unknown[]; waitingOn: { agency: string } | null }>(`/cases/${caseId}/timeline`, await stack.tokenFor(POLICE_OFFICER));
    await expect(page.locator('[data-testid="timeline-table"] tbody tr').count()).resolves.toBe(timeline.entries.length);
    await expect(page.locator('[data-testid="timeline-chart"] svg[role="img"]').count()).resolves.toBe(1);
    const waiting = await page.getByTestId('waiting-on').textContent();
    expect(waiting).toContain(timeline.waitingOn ? `Waiting on ${timeline.waitingOn.agency} since` : 'Waiting on nobody');
    await checkPage(page, 'case-progression', 'case');

    // As of the day its second handoff was recorded: fewer handoffs, and the heading says which day.
    const full = await stack.apiGet<{ entries: Array<{ recordedAt: string }> }>(`/cases/${caseId}/timeline`, await stack.tokenFor(POLICE_OFFICER));
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(full.entries.map((entry) => entry.recordedAt).sort()[1]));
    const [year, month, date] = day.split('-');
    await page.getByLabel('Day').fill(String(Number(date)));
    await page.getByLabel('Month').fill(String(Number(month)));
    await page.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Show the case on this day' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('as it stood on');
    const rowsThen = await page.locator('[data-testid="timeline-table"] tbody tr').count();
    expect(rowsThen).toBeGreaterThanOrEqual(2);
    expect(rowsThen).toBeLessThan(timeline.entries.length);
    await checkPage(page, 'case-progression', 'case-as-of');
  }, 120_000);

  it("records a handoff through the form: the API's validation error beside its field, then the handoff on the timeline", async () => {
    const officer = await stack.tokenFor(POLICE_OFFICER);
    const { agency: _agency, ...report } = CRIME_REPORT_EXAMPLE;
    const opened = await stack.apiPost<{ caseId: string }>('/cases', officer, { ...report, area: 'Wessex', urn: '91WE9990001', sourceReference: 'WEB-E2E-1', occurredAt: '2026-11-24T20:00:00Z', receivedAt: '2026-11-24T20:30:00Z' });
    const page = await pageAs(POLICE_OFFICER);
    await page.goto(`${stack.webUrl}/cases/${opened.caseId}`);
    await page.getByRole('link', { name: 'Record a handoff' }).click();
    await page.getByLabel('Suspect event recorded').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Arrested', { exact: true }).check();
    await page.getByRole('button', { name: 'Record the handoff' }).click();

    // The suspect reference was left empty: the API refuses it, and the page says so beside the field.
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('suspectId');
    await expect(page.locator('#data-suspectId-error').textContent()).resolves.toContain('suspectId');
    await checkPage(page, 'case-progression', 'record-handoff-error');

    // Every handoff's form is built from the API's description of it: the largest, a victim registered, passes axe too.
    const largest = await page.context().newPage();
    await largest.goto(`${stack.webUrl}/cases/${opened.caseId}/handoffs/new?type=VictimRegistered`);
    await expect(largest.locator('[data-testid="handoff-form"] input, [data-testid="handoff-form"] select, [data-testid="handoff-form"] textarea').count()).resolves.toBeGreaterThan(15);
    // A victim being registered is a new one: their id is typed (or left to the API), not picked from the case's victims.
    await expect(largest.getByRole('textbox', { name: 'Victim: victim ID (optional)' }).count()).resolves.toBe(1);
    await checkPage(largest, 'case-progression', 'record-handoff-victim-registered');
    await largest.close();

    await page.getByLabel('Suspect ID').fill('S1');
    await page.getByRole('button', { name: 'Record the handoff' }).click();
    await page.waitForURL(`${stack.webUrl}/cases/${opened.caseId}`);
    await expect(page.getByTestId('flash').textContent()).resolves.toContain('Suspect event recorded');
    await reloadUntil(page, async () => (await page.locator('[data-testid="timeline-table"] tbody tr').count()) === 2);
    await expect(page.locator('[data-testid="timeline-table"] tbody tr').nth(1).textContent()).resolves.toContain('Suspect event recorded');

    // Another type, from the same description: the record retracted is picked from the case's own records, not typed as an id.
    await page.goto(`${stack.webUrl}/cases/${opened.caseId}/handoffs/new?type=EventRetracted`);
    const suspectEvent = page.getByLabel('Retracted event ID');
    await suspectEvent.selectOption({ label: (await suspectEvent.locator('option', { hasText: 'Suspect event recorded (Police)' }).textContent())! });
    await page.getByLabel('Reason').fill('Recorded on the wrong case');
    await page.getByRole('button', { name: 'Record the handoff' }).click();
    await page.waitForURL(`${stack.webUrl}/cases/${opened.caseId}`);
    await expect(page.getByTestId('flash').textContent()).resolves.toContain('Event retracted');
  }, 120_000);

  it('renews a sign-in whose access token expired with its refresh token, and when that fails sends the user to sign in again, never to an error page', async () => {
    const context = await newContext();
    const page = await signInAs(context, stack.webUrl, WITNESS_CARE_OFFICER);
    const redis = new Redis(stack.configuration.redisUrl);
    try {
      const cookie = (await context.cookies()).find((candidate) => candidate.name === 'case-journey.sid')!;
      const key = `${stack.configuration.redisKeyPrefix}:web-session:${/^s:([^.]+)\./.exec(decodeURIComponent(cookie.value))![1]}`;
      type Stored = { user: { accessToken: string; refreshToken?: string; expiresAt: number } };
      const stored = async () => JSON.parse((await redis.get(key))!) as Stored;
      const change = async (edit: (user: Stored['user']) => void) => {
        const session = await stored();
        edit(session.user);
        await redis.set(key, JSON.stringify(session), 'KEEPTTL');
      };
      const before = (await stored()).user;
      expect(before.refreshToken).toEqual(expect.any(String));

      // The access token ran out a second ago: the next pages, two asked at once, renew it once (a refresh token is
      // good for one use) and are shown as asked.
      await change((user) => (user.expiresAt = Date.now() - 1000));
      const other = await context.newPage();
      await Promise.all([page.goto(`${stack.webUrl}/worklist`), other.goto(`${stack.webUrl}/cases`)]);
      expect([new URL(page.url()).pathname, new URL(other.url()).pathname]).toEqual(['/worklist', '/cases']);
      await other.close();
      await expect(page.getByTestId('worklist-tabs').count()).resolves.toBe(1);
      const renewed = (await stored()).user;
      expect(renewed.accessToken).not.toBe(before.accessToken);
      expect(renewed.refreshToken).not.toBe(before.refreshToken);
      expect(renewed.expiresAt).toBeGreaterThan(Date.now() + 10 * 60_000);

      // Ran out again, and the refresh token is one the issuer does not know (revoked, or past its life): off to sign in, then back.
      await change((user) => {
        user.expiresAt = Date.now() - 1000;
        user.refreshToken = `${before.refreshToken}-revoked`;
      });
      const answer = await page.goto(`${stack.webUrl}/worklist?agency=Police`);
      expect(answer!.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/worklist?agency=Police');
      await expect(page.getByTestId('sign-in-expired').count()).resolves.toBe(1);
      await checkPage(page, 'witness-care', 'sign-in-expired');
    } finally {
      redis.disconnect();
    }
  }, 120_000);

  it('works the worklist: records a contact for an overdue item, which then leaves the overdue tab', async () => {
    const page = await pageAs(WITNESS_CARE_OFFICER);
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

  it('answers an address or a form edited by hand (a value given twice, a day no calendar has) with the page and what is wrong, never a server error', async () => {
    const { caseId } = await aCaseOf('Wessex', 'HearingListed');
    const opened = async (login: string, path: string) => {
      const page = await pageAs(login);
      const answer = await page.goto(`${stack.webUrl}${path}`);
      return { page, status: answer?.status(), text: await page.locator('main').innerText() };
    };
    // Each of these failed with a server error: a name given twice reached the page as an array.
    const twice: Array<[string, string]> = [
      [WITNESS_CARE_OFFICER, '/worklist?area=Wessex&area=Anglia&tab=overdue&tab=due'],
      [BOARD_MEMBER, '/reports/compliance?area=Wessex&area=Wessex'],
      [POLICE_OFFICER, '/reports/compliance/cases?area=Wessex&area=Anglia&filter=rights:4&filter=x'],
      [DATA_PROTECTION_OFFICER, '/erasures?victimId=someone&victimId=someone-else'],
    ];
    for (const [login, path] of twice) {
      const { page, status } = await opened(login, path);
      expect({ path, status }).toEqual({ path, status: 200 });
      await page.close();
    }
    const csv = await (await pageAs(BOARD_MEMBER)).context().request.get(`${stack.webUrl}/reports/compliance.csv?groupBy=area&groupBy=month`);
    expect([csv.status(), csv.headers()['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);

    // The 32nd of a month: the as-of picker says so beside its fields, over the case as it stands.
    const asOf = await opened(POLICE_OFFICER, `/cases/${caseId}?asOf-day=32&asOf-month=1&asOf-year=2026`);
    expect(asOf.status).toBe(400);
    expect(asOf.text).toContain('The “as of” date must be a real date');
    await asOf.page.close();

    // A contact's date left empty, and a handoff's given twice with a month 13: the form comes back with the error.
    const { victimId } = (await stack.apiGet<{ state: { victims: Array<{ victimId: string }> } }>(`/cases/${caseId}`, await stack.tokenFor(WITNESS_CARE_OFFICER))).state.victims[0];
    const contact = await opened(WITNESS_CARE_OFFICER, `/cases/${caseId}/victims/${encodeURIComponent(victimId)}/contacts/new`);
    await contact.page.getByLabel('Phone').check();
    for (const part of ['day', 'month', 'year']) await contact.page.locator(`#when-${part}`).fill('');
    await contact.page.getByRole('button', { name: 'Record the contact' }).click();
    await expect(contact.page.locator('.govuk-error-summary').textContent()).resolves.toContain('When must be a real date');
    await contact.page.close();
    const handoff = await opened(POLICE_OFFICER, `/cases/${caseId}/handoffs/new?type=SuspectEventRecorded`);
    const status = await handoff.page.evaluate(`(() => {
      const form = document.querySelector('[data-testid="handoff-form"]');
      const fields = new URLSearchParams(new FormData(form));
      fields.set('when-month', '13');
      fields.append('when-month', '1');
      return fetch(form.action, { method: 'POST', body: fields, credentials: 'same-origin' }).then(async (answer) => [answer.status, await answer.text()]);
    })()`) as [number, string];
    expect(status[0]).toBe(400);
    expect(status[1]).toContain('When must be a real date');
    await handoff.page.close();
  }, 120_000);

  it('shows a victim their page: details only once a purpose is given', async () => {
    const { caseId } = await aCaseOf('Wessex', 'HearingListed');
    const page = await pageAs(WITNESS_CARE_OFFICER);
    await page.goto(`${stack.webUrl}/cases/${caseId}`);
    await page.getByRole('link', { name: /Open victim 1's page/ }).click();
    await expect(page.getByTestId('victim-details').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Show contact details' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Select why you need');
    await page.getByLabel('Tell the victim about a hearing').check();
    await page.getByRole('button', { name: 'Show contact details' }).click();
    await expect(page.getByTestId('victim-details').textContent()).resolves.toContain('Tell the victim about a hearing');
    await checkPage(page, 'witness-care', 'victim');

    // The data protection officer finds that opening in the audit log, with its purpose, and the log's chain intact.
    const officer = await pageAs(DATA_PROTECTION_OFFICER);
    expect(new URL(officer.url()).pathname).toBe('/audit');
    await officer.getByLabel('Case').fill(caseId);
    await officer.getByLabel('What they did').selectOption('victim-details-read');
    await officer.getByRole('button', { name: 'Show entries' }).click();
    await expect(officer.locator('[data-testid="audit-entries"] tbody tr').first().textContent()).resolves.toContain('Tell the victim about a hearing');
    await expect(officer.getByTestId('audit-chain').textContent()).resolves.toContain('The log is intact');
    await checkPage(officer, 'data-protection', 'audit-log');
  }, 120_000);

  it('gives the board its report: a period changed, the CSV downloaded and the same as the API', async () => {
    const page = await pageAs(BOARD_MEMBER);
    expect(new URL(page.url()).pathname).toBe('/reports/compliance');
    await checkPage(page, 'board', 'compliance-report');
    await page.getByLabel('Period').selectOption('2026');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await expect(page.getByTestId('report-period').textContent()).resolves.toBe('2026');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026');

    // The page reads the shared measure's report, as the board's pack does: none of its figures leads to cases for a board.
    await expect(page.locator('a[href^="/reports/compliance/cases"]').count()).resolves.toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-trend').click()]);
    const csv = await streamText(await download.createReadStream());
    // The API's own CSV of the report, byte for byte: the clock is stopped, so even its as-of instant is the same.
    const fromApi = await fetch(`${stack.apiUrl}/reports/code-compliance.csv?period=2026&groupBy=month,rights`, { headers: { authorization: `Bearer ${await stack.tokenFor(BOARD_MEMBER)}` } });
    expect(fromApi.status).toBe(200);
    expect(csv).toBe(await fromApi.text());
    expect(csv.split('\r\n')[1]).toMatch(/^code-compliance,1,shared-measures,/);

    // A board sees aggregates only: the cases behind a figure are the API's 403, shown in its words.
    await page.goto(`${stack.webUrl}/reports/compliance/cases?period=2026&filter=right:4`);
    await expect(page.locator('h1').textContent()).resolves.toContain('You cannot see or do this');
  }, 120_000);

  it("follows a figure of the report to the cases behind it, for a case progression officer, and on to a case", async () => {
    const page = await pageAs(POLICE_OFFICER);
    await page.goto(`${stack.webUrl}/reports/compliance?period=2026`);
    const cell = page.locator('[data-testid="matrix-table"] tbody a').first();
    // "87.5% (7 of 8)": the cell's base, the deadlines due, is what the page of cases counts.
    const due = Number(/\(\d+ of (\d+)\)/.exec((await cell.textContent()) ?? '')?.[1]);
    expect(due).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL((url) => url.pathname === '/reports/compliance/cases');
    await expect(page.getByTestId('figure-summary').textContent()).resolves.toMatch(new RegExp(`^${due} deadlines? in \\d+ cases?$`));
    const counts = (await page.locator('[data-testid="figure-cases"] tbody tr td:nth-child(5)').allTextContents()).map(Number);
    if ((await page.getByRole('link', { name: /Next page/ }).count()) === 0) expect(counts.reduce((sum, count) => sum + count, 0)).toBe(due);
    await checkPage(page, 'case-progression', 'figure-cases');
    const first = page.locator('[data-testid="figure-cases"] tbody tr a').first();
    const urn = await first.textContent();
    await first.click();
    await expect(page.locator('h1').textContent()).resolves.toContain(urn!);
  }, 120_000);

  it('publishes figures without sign-in, every suppressed one shown as [c] and none as a number', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${stack.webUrl}/public/compliance`);
    await checkPage(page, 'public', 'published-figures');
    const period = await page.getByLabel('Period').inputValue();
    const answer = await fetch(`${stack.apiUrl}/public/reports/code-compliance?groupBy=entitlement&period=${encodeURIComponent(period)}`);
    if (answer.status === 404) {
      // The public reports route is not in this build yet: the page says so instead of guessing.
      await expect(page.getByTestId('public-unavailable').count()).resolves.toBe(1);
      return;
    }
    expect(answer.status).toBe(200);
    const report = (await answer.json()) as { columns: Array<{ id: string }>; rows: Array<{ cells: Record<string, { suppressed?: boolean }> }> };
    const suppressed = report.rows.flatMap((row) => report.columns.map((column) => row.cells[column.id]?.suppressed === true));
    const shown = await page.locator('[data-testid="public-table"] tbody tr:not(:last-child) td').allTextContents();
    suppressed.forEach((hidden, i) => (hidden ? expect(shown[i]).toMatch(/^\[c\]/) : expect(shown[i]).not.toMatch(/\[c\]/)));
  }, 120_000);

  it('shows the administrator projection health and queue depths, and a rebuild running to the end with its progress bar', async () => {
    const page = await pageAs('admin');
    expect(new URL(page.url()).pathname).toBe('/admin');
    const health = await stack.apiGet<{ projections: unknown[] }>('/health', await stack.tokenFor('admin'));
    await expect(page.locator('[data-testid="projections"] tbody tr').count()).resolves.toBe(health.projections.length);
    await checkPage(page, 'admin', 'administration');
    await page.getByRole('button', { name: 'Rebuild timeline' }).click();
    await page.waitForURL(/\/admin\/rebuilds\//);
    await expect(page.getByTestId('job-state')).toBeDefined();
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('[data-testid="job-state"]')?.textContent?.includes('Finished'), undefined, { timeout: 60_000 });
    await expect(page.locator('progress').getAttribute('value')).resolves.toBe('100');
    await checkPage(page, 'admin', 'rebuild');
  }, 120_000);

  // Last, since it erases: a victim of a case closed in 2018 by retention, and a victim of a new case on request.
  it("lets the data protection officer review retention and erase a victim's data from the pages alone", async () => {
    const police = await stack.tokenFor(POLICE_OFFICER);
    const { agency: _agency, ...report } = CRIME_REPORT_EXAMPLE;
    const victimOf = (victimId: string) => [{ ...CRIME_REPORT_EXAMPLE.victims[0], victimId }];
    const page = await pageAs(DATA_PROTECTION_OFFICER);
    await page.getByRole('link', { name: 'Retention review' }).click();
    await checkPage(page, 'data-protection', 'retention');

    // A dry run on the demo data, whose cases all closed within the last year: nobody is listed, and the page says so.
    const dryRun = async () => {
      await page.goto(`${stack.webUrl}/retention`);
      await page.getByRole('button', { name: 'Start a dry run' }).click();
      await page.waitForURL(/\/retention\/dry-runs\/[^/]+$/);
      // The page's script reloads it when the run ends; without JavaScript its "Check progress again" link does.
      await page.getByTestId('listing-summary').waitFor({ timeout: 60_000 });
    };
    await dryRun();
    await expect(page.getByTestId('listing-summary').textContent()).resolves.toContain('No victim is held past the retention period');
    await expect(page.getByTestId('retention-erasure-form').count()).resolves.toBe(0);
    await checkPage(page, 'data-protection', 'retention-dry-run-empty');

    // A case reported in 2018 and closed by the CPS's decision of no further action: more than six years ago.
    const longAgo = '0b7f3c1e-5a2d-4e8f-9c61-2d4a8b6e0f13';
    const oldCase = await stack.apiPost<{ caseId: string }>('/cases', police, { ...report, area: 'Wessex', urn: '91WE9990002', sourceReference: 'WEB-E2E-2018', occurredAt: '2018-01-10T10:00:00Z', receivedAt: '2018-01-10T11:00:00Z', victims: victimOf(longAgo) });
    const noFurtherAction = { ...HANDOFF_EXAMPLES.ChargeDecisionMade, sourceReference: 'WEB-E2E-2018-NFA', occurredAt: '2018-02-01T11:00:00Z', data: { decision: 'no-further-action', decidedBy: 'CPS', charges: [] } };
    await stack.apiPost(`/cases/${oldCase.caseId}/events`, await stack.tokenFor(CPS_LAWYER), noFurtherAction);
    await dryRun();
    await expect(page.getByTestId('listing-summary').textContent()).resolves.toMatch(/^1 victim is held past the retention period/);
    await expect(page.locator(`[data-testid="listing"] tbody tr[data-victim="${longAgo}"] li[data-case="${oldCase.caseId}"]`).textContent()).resolves.toBe('91WE9990002: No further action, 1 February 2018');
    await checkPage(page, 'data-protection', 'retention-dry-run');

    // Erasing the listing needs a reason: sent empty, the error is summarised and shown beside the field.
    await page.getByRole('button', { name: 'Erase the personal data of the victims listed' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter why the personal data is erased');
    await expect(page.locator('#reason-error').textContent()).resolves.toContain('Enter why the personal data is erased');
    await checkPage(page, 'data-protection', 'retention-dry-run-error');
    await page.getByLabel('Why is their data erased?').fill('Retention period of six years ended (RP-2026-11)');
    await page.getByRole('button', { name: 'Erase the personal data of the victims listed' }).click();
    await page.waitForURL(/\/retention\/erasures\/[^/]+$/);
    await page.getByTestId('retention-outcome').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('retention-erased').textContent()).resolves.toContain(longAgo);
    await checkPage(page, 'data-protection', 'retention-erasure');

    // On request: a victim of a new case, whose details a witness care officer opened, found through that entry of the audit log.
    const requested = '5d9e2a7b-3c4f-4a1e-8b06-7e1f9c2d4a58';
    const newCase = await stack.apiPost<{ caseId: string }>('/cases', police, { ...report, area: 'Wessex', urn: '91WE9990003', sourceReference: 'WEB-E2E-ERASE', occurredAt: '2026-11-20T20:00:00Z', receivedAt: '2026-11-20T20:30:00Z', victims: victimOf(requested) });
    const wcu = await stack.tokenFor(WITNESS_CARE_OFFICER);
    const details = (victimId: string, caseId: string) => fetch(`${stack.apiUrl}/cases/${caseId}/victims/${victimId}?purpose=safeguarding`, { headers: { authorization: `Bearer ${wcu}` } });
    await stack.projectionsCaughtUp();
    expect((await details(requested, newCase.caseId)).status).toBe(200);

    await page.getByRole('link', { name: 'Erase personal data' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#victimId-error').textContent()).resolves.toContain('Enter the victim’s ID');
    await checkPage(page, 'data-protection', 'erasures');
    // An ID no case holds: the confirmation page finds nothing in the log, and the API's 404 comes back beside the ID typed.
    await page.getByLabel('Victim ID').fill('nobody-at-all');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('erasure-victim').textContent()).resolves.toContain('0 entries about them');
    await page.getByLabel('Why is their data erased?').fill('Erasure request DP-2026-0098 upheld');
    await page.getByRole('button', { name: 'Erase their personal data' }).click();
    await expect(page.locator('#victimId-error').textContent()).resolves.toContain('No case holds victim nobody-at-all');
    await expect(page.getByLabel('Victim ID').inputValue()).resolves.toBe('nobody-at-all');
    await checkPage(page, 'data-protection', 'erasure-unknown-victim');

    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByLabel('Case').fill(newCase.caseId);
    await page.getByRole('button', { name: 'Show entries' }).click();
    await page.getByRole('link', { name: `Erase the personal data of victim ${requested}` }).first().click();
    expect(new URL(page.url()).pathname).toBe(`/victims/${requested}/erasure`);
    await expect(page.getByTestId('erasure-victim').textContent()).resolves.toContain(newCase.caseId);
    await checkPage(page, 'data-protection', 'erasure-confirm');
    await page.getByRole('button', { name: 'Erase their personal data' }).click();
    await expect(page.locator('.govuk-error-summary a[href="#reason"]').textContent()).resolves.toContain('Enter why the personal data is erased');
    await expect(page.locator('#reason-error').textContent()).resolves.toContain('Enter why the personal data is erased');
    await checkPage(page, 'data-protection', 'erasure-confirm-error');
    await page.getByLabel('Why is their data erased?').fill('Erasure request DP-2026-0099 upheld');
    await page.getByRole('button', { name: 'Erase their personal data' }).click();
    await page.waitForURL(`${stack.webUrl}/victims/${requested}/erasure/done`);
    await expect(page.getByTestId('erasure-outcome').getAttribute('data-outcome')).resolves.toMatch(/^(erased|pending)$/);
    await expect(page.locator(`[data-testid="erased-cases"] tr[data-case="${newCase.caseId}"] td`).first().textContent()).resolves.toBe('91WE9990003');
    await checkPage(page, 'data-protection', 'erasure-result');

    // Through the API: both victims' details are gone (410), and the log holds each erasure with its reason.
    expect((await details(requested, newCase.caseId)).status).toBe(410);
    expect((await details(longAgo, oldCase.caseId)).status).toBe(410);
    const dpo = await stack.tokenFor(DATA_PROTECTION_OFFICER);
    const erasures = await stack.apiGet<{ entries: Array<{ victimId: string; reason: string; caseIds: string[] }> }>('/audit?action=victim-data-erased', dpo);
    expect(erasures.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ victimId: requested, caseIds: [newCase.caseId], reason: 'Erasure request DP-2026-0099 upheld' }),
        expect.objectContaining({ victimId: longAgo, caseIds: [oldCase.caseId], reason: 'Retention period of six years ended (RP-2026-11)' }),
      ]),
    );

    // Asked again, the same victim is already erased.
    await page.goto(`${stack.webUrl}/victims/${requested}/erasure`);
    await page.getByLabel('Why is their data erased?').fill('Erasure request DP-2026-0099 upheld');
    await page.getByRole('button', { name: 'Erase their personal data' }).click();
    await expect(page.getByTestId('erasure-outcome').getAttribute('data-outcome')).resolves.toBe('already-erased');
  }, 240_000);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
