import type { AddressInfo } from 'node:net';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore, PersonalDataVault } from '@case-journey/personal-data';
import { loadConfiguration, type AppConfiguration } from '@case-journey/platform';
import { generateCases, profileNamed } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { freePort } from '../../support/free-port';
import { createApi } from '../../../apps/api/src/create-api';
import { DEMO_USERS } from '../../../apps/dev-identity-provider/src/demo-directory';
import { userToken } from '../../../apps/dev-identity-provider/src/sign-in';
import { DevProviderProcess } from '../../../apps/dev-identity-provider/src/testing/dev-provider-process';
import { loadIntoStore } from '../../../apps/generator/src/load-into-store';
import { createWeb } from '../../../apps/web/src/create-web';
import { loadWebConfiguration } from '../../../apps/web/src/web-configuration';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

const AUDIENCE = 'api://case-journey-web-e2e';

export interface WebStackOptions {
  /** The clock of the API, the worker and the web pages, and the demo's "now". */
  now: Date;
  /** How many demo cases to load (the demo profile has about 400). */
  cases?: number;
}

/**
 * The whole product in one process, as `npm start` runs it but on free ports: the demo data in an
 * in-memory event store with its victims' keys, the worker projecting it, the real dev OpenID provider
 * (its own process), the API trusting it, and the web app signing in with it.
 */
export class WebStack {
  private constructor(
    readonly webUrl: string,
    readonly apiUrl: string,
    readonly issuer: string,
    readonly store: SqliteEventStore,
    readonly configuration: AppConfiguration,
    private readonly parts: { provider: DevProviderProcess; worker: INestApplicationContext; api: INestApplication; web: INestApplication; keyPrefix: string },
  ) {}

  static async start(options: WebStackOptions): Promise<WebStack> {
    const keyPrefix = `cj-web-e2e-${process.pid}-${Date.now().toString(36)}`;
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    const provider = await DevProviderProcess.start(AUDIENCE, { DEV_WEB_REDIRECT_URIS: `${webUrl}/auth/callback` });
    try {
      return await WebStack.startWith(provider, webUrl, webPort, keyPrefix, options);
    } catch (error) {
      await provider.stop(); // a provider process left behind would hold the jest run open
      throw error;
    }
  }

  private static async startWith(provider: DevProviderProcess, webUrl: string, webPort: number, keyPrefix: string, options: WebStackOptions): Promise<WebStack> {
    const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    const keys = new InMemoryVictimKeyStore();
    const vault = new PersonalDataVault(keys);
    const clock = { now: () => options.now };
    await loadIntoStore(
      store,
      generateCases(profileNamed('demo'), {
        seed: 2026,
        cases: options.cases,
        now: options.now.toISOString(),
        calendar: new WorkingDayCalendar(),
        rulebook: VICTIMS_CODE_2020,
        seal: (victimId, details) => vault.seal(victimId, details),
      }),
    );
    // REDIS_URL, when set, points the run at a Redis of its own (the shared one can be slow under others' load).
    const redisUrl = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};
    const configuration = loadConfiguration({ ...redisUrl, REDIS_KEY_PREFIX: keyPrefix, OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: AUDIENCE, RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'warn' });
    const overrides = { eventStore: store, victimKeyStore: keys, clock };
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides), { logger: false });
    await worker.init();
    const api = await createApi(configuration, overrides);
    await api.listen(0, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    const web = await createWeb(
      loadWebConfiguration({ ...redisUrl, WEB_PORT: String(webPort), API_URL: apiUrl, OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: AUDIENCE, REDIS_KEY_PREFIX: keyPrefix, WEB_DEMO_LOGINS: DEMO_USERS.join(' ') }),
      { clock },
    );
    await web.listen(webPort, '127.0.0.1');
    const stack = new WebStack(webUrl, apiUrl, provider.issuer, store, configuration, { provider, worker, api, web, keyPrefix });
    await stack.projectionsCaughtUp();
    return stack;
  }

  /** A demo user's access token, signed in as the token command does, to ask the API what a page should show. */
  tokenFor(login: string): Promise<string> {
    return userToken(this.issuer, login, AUDIENCE);
  }

  async apiPost<T>(path: string, token: string, body: object): Promise<T> {
    const response = await fetch(`${this.apiUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async apiGet<T>(path: string, token: string): Promise<T> {
    const response = await fetch(`${this.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Waits until every projection has read the whole log (the API's health says so). */
  async projectionsCaughtUp(limitMs = 150_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const answer = await fetch(`${this.apiUrl}/health`);
      const health = (await answer.json()) as { projections?: Array<{ events: number }> };
      const behind = (health.projections ?? []).map((projection) => projection.events);
      if (behind.length > 0 && behind.every((events) => events === 0)) return;
      if (Date.now() > deadline) throw new Error(`The projections did not catch up in ${limitMs} ms; /health last answered ${answer.status} ${JSON.stringify(health)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    const { provider, worker, api, web, keyPrefix } = this.parts;
    await web.close();
    await api.close();
    await worker.close();
    await provider.stop();
    const redis = new Redis(this.configuration.redisUrl);
    const found = await redis.keys(`${keyPrefix}*`);
    if (found.length > 0) await redis.unlink(...found);
    redis.disconnect();
  }
}
