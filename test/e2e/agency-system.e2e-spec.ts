import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import request from 'supertest';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { CRIME_REPORT_EXAMPLE, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { createApi } from '../../apps/api/src/create-api';
import { agencySystemClient, type DemoClient } from '../../apps/dev-identity-provider/src/demo-directory';
import { agencySystemToken, userToken } from '../../apps/dev-identity-provider/src/sign-in';
import { DevProviderProcess } from '../../apps/dev-identity-provider/src/testing/dev-provider-process';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const AUDIENCE = 'api://case-journey-e2e';
const clientOf = (agency: string, area?: string): DemoClient => {
  const client = agencySystemClient(agency, area);
  if ('problem' in client) throw new Error(client.problem);
  return client;
};

/**
 * Signs in through the real dev OpenID provider (oidc-provider, its own process): an agency system
 * with the client credentials grant, a witness care officer through the dev login page (the
 * authorization code flow with PKCE). The API verifies those tokens against the provider's JWKS.
 */
describe('an agency system signed in through the dev OpenID provider', () => {
  const prefix = `cj-e2e-agency-${process.pid}`;
  let provider: DevProviderProcess;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let police: string;

  beforeAll(async () => {
    provider = await DevProviderProcess.start(AUDIENCE);
    app = await createApi(loadConfiguration({ REDIS_KEY_PREFIX: prefix, OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: AUDIENCE }), {
      eventStore: SqliteEventStore.inMemory(),
      victimKeyStore: new InMemoryVictimKeyStore(),
      clock: { now: () => NOW },
    });
    await app.init();
    http = request(app.getHttpServer());
    police = await agencySystemToken(provider.issuer, clientOf('Police', 'Wessex'), AUDIENCE);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await provider?.stop();
    const redis = new Redis(loadConfiguration({}).redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  const asPolice = (method: 'get' | 'post', url: string) => http[method](url).set('Authorization', `Bearer ${police}`);
  const history = async (caseId: string, token: string) =>
    (await http.get(`/cases/${caseId}/events`).set('Authorization', `Bearer ${token}`).expect(200)).body.events as Array<{ type: string; metadata: Record<string, unknown> }>;

  it("records Police handoffs (201) under the token's subject, refuses a CPS decision (403) storing nothing, and its areas' officers read the case", async () => {
    const { agency: _agency, ...report } = CRIME_REPORT_EXAMPLE;
    const opened = await asPolice('post', '/cases').send({ ...report, area: 'Wessex', sourceSystem: 'Athena' }).expect(201);
    const caseId = opened.body.caseId as string;
    await asPolice('post', `/cases/${caseId}/events`).send(HANDOFF_EXAMPLES.FileSubmittedToCps).expect(201);

    const review = await asPolice('post', `/cases/${caseId}/events`).send({ ...HANDOFF_EXAMPLES.FileReviewed, agency: undefined, sourceSystem: 'Athena' }).expect(403);
    expect(review.body).toMatchObject({ status: 403, field: 'type', detail: 'Police does not record FileReviewed: CPS does' });
    const claimed = await asPolice('post', `/cases/${caseId}/events`).send(HANDOFF_EXAMPLES.ChargeDecisionMade).expect(403);
    expect(claimed.body).toMatchObject({ status: 403, field: 'agency', detail: 'the body claims agency CPS, but you sign in for Police' });

    const officer = await userToken(provider.issuer, 'witness-care/WCU/Wessex', AUDIENCE);
    const events = await history(caseId, officer);
    expect(events.map((event) => event.type)).toEqual(['CrimeReported', 'FileSubmittedToCps']);
    for (const event of events) expect(event.metadata).toMatchObject({ agency: 'Police', recordedBy: 'police-wessex-system', sourceSystem: 'Athena' });

    const elsewhere = await userToken(provider.issuer, 'witness-care/WCU/Anglia', AUDIENCE);
    await http.get(`/cases/${caseId}`).set('Authorization', `Bearer ${elsewhere}`).expect(404);
  }, 60_000);

  it("refuses a Police system's record from another force's source system, and a token the provider did not sign", async () => {
    const refused = await asPolice('post', '/cases').send({ ...CRIME_REPORT_EXAMPLE, area: 'Wessex', sourceSystem: 'Connect', sourceReference: 'CON-1' }).expect(403);
    expect(refused.body).toMatchObject({ field: 'sourceSystem' });
    const [header, payload] = police.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const answer = await http.get('/health').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(answer.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });
});
