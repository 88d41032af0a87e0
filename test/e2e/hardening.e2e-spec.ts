import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import request from 'supertest';
import { ACCESS_POLICY } from '@case-journey/access';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';

const UNKNOWN_CASE = '/cases/6f9619ff-8b86-4011-b42d-00c04fc964ff';

describe('the API hardened: security headers, CORS, rate limits, request ids, the OpenAPI security', () => {
  const prefix = `cj-e2e-hardening-${process.pid}`;
  const logLines: Array<Record<string, unknown>> = [];
  let issuer: TestIssuer;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  const open = (settings: Record<string, string>, withLog = false) =>
    createApi(loadConfiguration({ REDIS_KEY_PREFIX: prefix, ...issuer.environment, ...settings }), {
      eventStore: SqliteEventStore.inMemory(),
      victimKeyStore: new InMemoryVictimKeyStore(),
      clock: { now: () => new Date('2025-12-01T12:00:00.000Z') },
      ...(withLog && { logDestination: { write: (line: string) => void logLines.push(JSON.parse(line)) } }),
    });
  const officer = (subject: string) => issuer.token({ subject, roles: ['case-progression'], agency: 'Police', areas: ['Wessex'] });

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    app = await open({ RATE_LIMIT_PER_MINUTE: '3', CORS_ORIGINS: 'https://web.example', LOG_LEVEL: 'info' }, true);
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    const redis = new Redis(loadConfiguration({}).redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  it("sends helmet's security headers", async () => {
    const response = await http.get('/health');
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': expect.stringContaining('max-age=') });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS only for a configured origin, and not at all unless configured', async () => {
    const allowed = await http.options('/health').set('Origin', 'https://web.example').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://web.example');
    expect(allowed.headers['access-control-allow-headers']).toContain('Authorization');
    const other = await http.get('/health').set('Origin', 'https://elsewhere.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const closed = await open({});
    await closed.init();
    try {
      const answer = await request(closed.getHttpServer()).get('/health').set('Origin', 'https://web.example');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await closed.close();
    }
  });

  it('limits each caller, counted in Redis: the fourth request in a minute answers 429 with Retry-After, while another caller goes on', async () => {
    const first = `Bearer ${await officer('pc.busy')}`;
    for (let i = 0; i < 3; i++) await http.get(UNKNOWN_CASE).set('Authorization', first).expect(404);
    const limited = await http.get(UNKNOWN_CASE).set('Authorization', first).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, detail: expect.stringContaining('at most 3 a minute per caller'), requestId: limited.headers['x-request-id'] });
    await http.get(UNKNOWN_CASE).set('Authorization', `Bearer ${await officer('pc.calm')}`).expect(404);

    const redis = new Redis(loadConfiguration({}).redisUrl);
    const counted = await redis.keys(`${prefix}:rate-limit:*subject:pc.busy*`);
    redis.disconnect();
    expect(counted.length).toBeGreaterThan(0);
  });

  it('names the request id in the X-Request-Id header, the problem document and the log line, keeping a caller-given one', async () => {
    const token = `Bearer ${await officer('pc.traced')}`;
    const traced = await http.get(UNKNOWN_CASE).set('Authorization', token).set('X-Request-Id', 'trace-4711').expect(404);
    expect(traced.headers['x-request-id']).toBe('trace-4711');
    expect(traced.body).toMatchObject({ status: 404, requestId: 'trace-4711' });
    expect(logLines).toContainEqual(expect.objectContaining({ requestId: 'trace-4711', req: { id: 'trace-4711', method: 'GET', url: UNKNOWN_CASE }, res: { statusCode: 404 } }));
    expect(JSON.stringify(logLines)).not.toContain(token.slice(7));

    const made = await http.get(UNKNOWN_CASE).set('Authorization', token).set('X-Request-Id', 'has spaces and "quotes"').expect(404);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.requestId).toBe(made.headers['x-request-id']);
  });

  it("declares the bearer scheme, and each operation's roles and scopes from the policy table", async () => {
    const document = (await http.get('/docs-json').expect(200)).body;
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const read = document.paths['/cases/{id}'].get;
    expect(read.security).toEqual([{ bearer: [] }]);
    expect(read['x-access']).toEqual({ permission: 'case:read', target: 'case', grants: ACCESS_POLICY['case:read'].grants });
    expect(read.responses['403'].description).toContain('case-progression (own-areas), witness-care (own-areas)');
    expect(document.paths['/health'].get.security).toBeUndefined();
  });

  it('will not start without an issuer to trust', async () => {
    await expect(
      createApi(loadConfiguration({ REDIS_KEY_PREFIX: prefix, RATE_LIMIT_STORE: 'memory' }), { eventStore: SqliteEventStore.inMemory(), victimKeyStore: new InMemoryVictimKeyStore() }),
    ).rejects.toThrow(/OIDC_ISSUER: must be set/);
  });
});
