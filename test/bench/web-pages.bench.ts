/**
 * Page-render benchmark: each web page, signed in as the role that uses it, on the demo data (about
 * 400 cases), timed from the request leaving to the page's last byte on the same machine: the web
 * app's own work plus its calls to the API. Rerun with
 *   npm run bench:pages [-- --requests=30]
 * Prints each page's median, p90 and slowest time in ms, and the machine's load average.
 */
import { cpus, loadavg } from 'node:os';
import { WebStack } from '../e2e/web/web-stack';
import { benchOptions } from './bench-options';

const NOW = new Date('2026-11-25T11:00:00.000Z');
const { requests } = benchOptions({ requests: { type: 'integer', default: 30 } });

/** Just enough of a browser to sign in through the dev provider's login page: cookies kept, redirects followed one by one. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async signIn(webUrl: string, login: string): Promise<void> {
    let url = `${webUrl}/sign-in/start?login=${encodeURIComponent(login)}`;
    for (let step = 0; step < 12; step++) {
      const response = await this.get(url);
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url).href;
        continue;
      }
      const page = await response.text();
      if (url.startsWith(webUrl)) return;
      const prompt = /name="prompt" value="([a-z]+)"/.exec(page)?.[1];
      if (!prompt) throw new Error(`Signing in as ${login} stopped at ${url}`);
      const answer = await this.send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt, login, password: 'bench' }).toString() });
      url = new URL(answer.headers.get('location')!, url).href;
    }
    throw new Error(`Signing in as ${login} did not finish`);
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie && { cookie }) } });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return response;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const stack = await WebStack.start({ now: NOW });
  try {
    const officer = await stack.tokenFor('case-progression/Police/Wessex');
    const found = await stack.apiGet<{ items: Array<{ caseId: string }> }>('/cases?limit=1&stage=trial', officer);
    const caseId = found.items[0].caseId;
    const state = await stack.apiGet<{ state: { victims: Array<{ victimId: string }> } }>(`/cases/${caseId}`, officer);
    const victimId = state.state.victims[0].victimId;
    // A retention dry run and the erasure of its listing, for their pages: on the demo data the listing is empty, so nothing is erased.
    const dpo = await stack.tokenFor('data-protection');
    const finished = async (path: string) => {
      for (let tries = 0; (await stack.apiGet<{ state: string }>(path, dpo)).state !== 'completed'; tries++) {
        if (tries > 600) throw new Error(`${path} did not complete`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const dryRun = (await stack.apiPost<{ jobId: string }>('/retention/dry-runs', dpo, {})).jobId;
    await finished(`/retention/dry-runs/${dryRun}`);
    const retentionErasure = (await stack.apiPost<{ jobId: string }>(`/retention/dry-runs/${dryRun}/erasure`, dpo, { reason: 'Benchmark: an empty listing' })).jobId;
    await finished(`/retention/erasures/${retentionErasure}`);
    const pages: Array<[string, string, string]> = [
      ['case finder', 'case-progression/Police/Wessex', '/cases'],
      ['case page (timeline, obligations)', 'case-progression/Police/Wessex', `/cases/${caseId}`],
      ['record a handoff form', 'case-progression/Police/Wessex', `/cases/${caseId}/handoffs/new?type=SuspectEventRecorded`],
      ['worklist (overdue tab)', 'witness-care/WCU/Wessex,Anglia', '/worklist'],
      ['victim page', 'witness-care/WCU/Wessex,Anglia', `/cases/${caseId}/victims/${victimId}`],
      ['record a contact form', 'witness-care/WCU/Wessex,Anglia', `/cases/${caseId}/victims/${victimId}/contacts/new`],
      ['record a handoff form, the largest (a victim registered)', 'case-progression/Police/Wessex', `/cases/${caseId}/handoffs/new?type=VictimRegistered`],
      ['compliance report', 'board/-/Wessex', '/reports/compliance'],
      ['the cases behind a figure (Right 4, Police)', 'case-progression/Police/Wessex', '/reports/compliance/cases?period=2026&filter=right:4,agency:Police'],
      ['published figures', 'board/-/Wessex', '/public/compliance'],
      ['administration', 'admin', '/admin'],
      ['audit log', 'data-protection', '/audit'],
      ['erase a victim: find by ID', 'data-protection', '/erasures'],
      ['erase a victim: confirmation', 'data-protection', `/victims/${victimId}/erasure`],
      ['retention review', 'data-protection', '/retention'],
      ['retention dry run (its listing)', 'data-protection', `/retention/dry-runs/${dryRun}`],
      ['retention erasure (its outcome)', 'data-protection', `/retention/erasures/${retentionErasure}`],
    ];
    const browsers = new Map<string, Browser>();
    console.log(`Web page render times over ${requests} requests each, after 3 warm-up requests (ms):`);
    for (const [name, login, path] of pages) {
      if (!browsers.has(login)) {
        const browser = new Browser();
        await browser.signIn(stack.webUrl, login);
        browsers.set(login, browser);
      }
      const browser = browsers.get(login)!;
      const times: number[] = [];
      for (let i = 0; i < requests + 3; i++) {
        const started = performance.now();
        const response = await browser.get(`${stack.webUrl}${path}`);
        await response.text();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        if (i >= 3) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(36)} median ${percentile(times, 50).toFixed(1).padStart(6)}   p90 ${percentile(times, 90).toFixed(1).padStart(6)}   max ${times[times.length - 1].toFixed(1).padStart(6)}`);
    }
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
