import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import request from 'supertest';
import { ACCESS_POLICY, isPermission, ROLES, type Permission, type Role } from '@case-journey/access';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration, type AppConfiguration } from '@case-journey/platform';
import { NotificationStore, type Notification } from '@case-journey/projections';
import { TestIssuer, type TestIdentity } from '../../apps/api/src/access/testing/test-issuer';
import { CRIME_REPORT_EXAMPLE, EXAMPLE_IDS, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto';
import { createApi } from '../../apps/api/src/create-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The morning after the example robbery: its referral is due, so the worklist and figures hold it. */
const NOW = new Date('2025-03-04T09:00:00.000Z');
const IN_SCOPE = 'Wessex';
const ERASABLE_VICTIM = '3f6d2a81-5c4e-4b7a-9e10-8d2c6b4a1f57';
const OUT_OF_SCOPE = 'Anglia';

type Scope = 'in-scope' | 'out-of-scope';
type Expected = 'success' | 401 | 403 | 404;

/**
 * What the policy table says a call should answer: 401 without a token unless the public may,
 * 403 for a role not granted the permission, and out of the grant's areas 404 for one case (it is
 * hidden) or 403 for a list, figures or a new record that names the area.
 */
function expectedAnswer(permission: Permission, role: Role, scope: Scope): Expected {
  const { grants, target } = ACCESS_POLICY[permission] as { grants: Partial<Record<Role, readonly string[]>>; target: string };
  const grant = grants[role] ?? grants.public;
  if (!grant) return role === 'public' ? 401 : 403;
  if (scope === 'in-scope' || !grant.includes('own-areas')) return 'success';
  return target === 'case' ? 404 : 403;
}

/** Who calls: the role, acting for the Police (the WCU for witness care), in Wessex or in Anglia. */
const identityOf = (role: Role, scope: Scope): TestIdentity => ({
  subject: `${role}.${scope}`,
  roles: [role],
  agency: role === 'witness-care' ? 'WCU' : 'Police',
  areas: [scope === 'in-scope' ? IN_SCOPE : OUT_OF_SCOPE],
  sourceSystems: ['Athena'],
});

/** Out of scope, a list or figures name the in-scope area: what an Anglian caller may not read. */
const namedArea = (scope: Scope): Record<string, string> => (scope === 'out-of-scope' ? { area: IN_SCOPE } : {});

interface Call {
  path: string;
  /** A list with no area to name: out of scope it still answers, reading only the caller's areas (asserted apart). */
  filtered?: true;
  query?: Record<string, string>;
  body?: object;
  /** A file sent as it is (an import), with its content type. */
  file?: { type: string; text: string };
}

describe('the access matrix: every route × every role, in and out of scope', () => {
  const prefix = `cj-matrix-${process.pid}`;
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  const overrides = { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock: { now: () => NOW } };
  let issuer: TestIssuer;
  let configuration: AppConfiguration;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof request>;
  let caseId: string;
  let rebuildJobId: string;
  let dryRunJobId: string;
  let retentionErasureJobId: string;
  let packId: string;
  let importId: string;
  let sequence = 0;
  const tokens = new Map<string, string>();

  const bearerOf = async (identity: TestIdentity) => {
    const key = JSON.stringify(identity);
    if (!tokens.has(key)) tokens.set(key, await issuer.token(identity));
    return `Bearer ${tokens.get(key)}`;
  };
  const { agency: _agency, ...reportBody } = CRIME_REPORT_EXAMPLE;
  const { agency: _contactAgency, ...contact } = HANDOFF_EXAMPLES.VictimInformed;
  const contactBody = { ...contact, occurredAt: '2025-03-04T08:00:00Z' };

  /**
   * How to call each route. The routes themselves come from the running API (its router and its
   * OpenAPI document), never from this list: a route with no way to call it here fails the test.
   */
  const CALLS: Record<string, (scope: Scope) => Call> = {
    'GET /health': () => ({ path: '/health' }),
    'GET /health/live': () => ({ path: '/health/live' }),
    'GET /health/ready': () => ({ path: '/health/ready' }),
    'GET /metrics': () => ({ path: '/metrics' }),
    'POST /cases': () => ({ path: '/cases', body: { ...reportBody, area: IN_SCOPE, sourceReference: `MATRIX-REPORT-${++sequence}` } }),
    'POST /cases/{id}/events': () => ({ path: `/cases/${caseId}/events`, body: { ...contactBody, sourceReference: `MATRIX-CONTACT-${++sequence}` } }),
    'GET /cases/{id}': () => ({ path: `/cases/${caseId}` }),
    'GET /cases/{id}/events': () => ({ path: `/cases/${caseId}/events` }),
    'GET /cases/{id}/timeline': () => ({ path: `/cases/${caseId}/timeline` }),
    'GET /cases/{id}/victims/{victimId}/journey': () => ({ path: `/cases/${caseId}/victims/${EXAMPLE_IDS.victim}/journey` }),
    'GET /cases': (scope) => ({ path: '/cases', query: namedArea(scope) }),
    'GET /areas': () => ({ path: '/areas' }),
    'GET /worklists/witness-care': (scope) => ({ path: '/worklists/witness-care', query: { agency: 'Police', ...namedArea(scope) } }),
    'GET /compliance': (scope) => ({ path: '/compliance', query: namedArea(scope) }),
    'GET /compliance/timeliness': (scope) => ({ path: '/compliance/timeliness', query: namedArea(scope) }),
    'GET /notifications': (scope) => ({ path: '/notifications', query: namedArea(scope) }),
    'POST /projections/{name}/rebuild': () => ({ path: '/projections/timeline/rebuild' }),
    'GET /projections/rebuilds/{jobId}': () => ({ path: `/projections/rebuilds/${rebuildJobId}` }),
    'GET /cases/{id}/victims/{victimId}': () => ({ path: `/cases/${caseId}/victims/${EXAMPLE_IDS.victim}`, query: { purpose: 'contact-about-hearing' } }),
    // Another case's victim, so that the erasures leave the matrix case's victim to read.
    'POST /victims/{victimId}/erasure': () => ({ path: `/victims/${ERASABLE_VICTIM}/erasure`, body: { reason: 'Erasure request upheld (access matrix)' } }),
    'GET /audit': () => ({ path: '/audit' }),
    'POST /retention/dry-runs': () => ({ path: '/retention/dry-runs' }),
    'GET /retention/dry-runs/{jobId}': () => ({ path: `/retention/dry-runs/${dryRunJobId}` }),
    'POST /retention/dry-runs/{jobId}/erasure': () => ({ path: `/retention/dry-runs/${dryRunJobId}/erasure`, body: { reason: 'Retention period ended (access matrix)' } }),
    'GET /retention/erasures/{jobId}': () => ({ path: `/retention/erasures/${retentionErasureJobId}` }),
    'POST /reports/packs': () => ({ path: '/reports/packs', body: { month: '2025-02', area: IN_SCOPE } }),
    'GET /reports/packs': () => ({ path: '/reports/packs', filtered: true }),
    'GET /reports/packs/{id}': () => ({ path: `/reports/packs/${packId}` }),
    // An import's lines are each checked as their single request would be; the import itself is accepted whoever's areas they name.
    'POST /imports': () => ({ path: '/imports', file: { type: 'application/x-ndjson', text: '{}\n' } }),
    // The Police system's import: the Police's other systems (any area) and operators read it.
    'GET /imports/{id}': () => ({ path: `/imports/${importId}` }),
    'GET /imports/{id}/rejections': () => ({ path: `/imports/${importId}/rejections` }),
    'GET /reports/measures': () => ({ path: '/reports/measures', filtered: true }),
    'GET /reports/{measure}': (scope) => ({ path: '/reports/code-compliance', query: { period: '2025-02', ...namedArea(scope) } }),
    'GET /reports/{measure}/cases': (scope) => ({ path: '/reports/code-compliance/cases', query: { period: '2025-02', filter: 'right:4', ...namedArea(scope) } }),
    'GET /public/reports/{measure}': () => ({ path: '/public/reports/code-compliance', query: { period: '2025-02' } }),
  };

  const send = (route: string, call: Call, authorization?: string) => {
    const [method] = route.split(' ');
    let test = method === 'POST' ? http.post(call.path) : http.get(call.path);
    if (call.query) test = test.query(call.query);
    if (authorization) test = test.set('Authorization', authorization);
    if (call.file) return test.set('Content-Type', call.file.type).send(call.file.text);
    return call.body ? test.send(call.body) : test;
  };

  let routes: Array<{ route: string; permission: unknown }>;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    configuration = loadConfiguration({ REDIS_KEY_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '100000', OIDC_JWKS_COOLDOWN_SECONDS: '0', ...issuer.environment });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides), { logger: false });
    await worker.init();
    api = await createApi(configuration, overrides);
    await api.init();
    http = request(api.getHttpServer());

    const officer = await bearerOf(identityOf('case-progression', 'in-scope'));
    caseId = (await http.post('/cases').set('Authorization', officer).send({ ...reportBody, area: IN_SCOPE }).expect(201)).body.caseId;
    const admin = await bearerOf(identityOf('admin', 'in-scope'));
    const deadline = Date.now() + 10_000;
    while ((await http.get(`/cases/${caseId}/timeline`).set('Authorization', officer)).status !== 200 || (await http.get(`/cases/${caseId}/victims/${EXAMPLE_IDS.victim}/journey`).set('Authorization', officer)).status !== 200) {
      if (Date.now() > deadline) throw new Error('The case was not projected within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const erasable = { ...reportBody, area: IN_SCOPE, sourceReference: 'MATRIX-ERASABLE', victims: [{ ...reportBody.victims[0], victimId: ERASABLE_VICTIM }] };
    await http.post('/cases').set('Authorization', officer).send(erasable).expect(201);
    rebuildJobId = (await http.post('/projections/obligations/rebuild').set('Authorization', admin).expect(202)).body.jobId;
    importId = (await http.post('/imports').set('Authorization', await bearerOf(identityOf('agency-system', 'in-scope'))).set('Content-Type', 'application/x-ndjson').send('{}\n').expect(202)).body.id;
    packId = (await http.post('/reports/packs').set('Authorization', await bearerOf(identityOf('board', 'in-scope'))).send({ month: '2025-02', area: IN_SCOPE }).expect(202)).body.id;
    const dpo = await bearerOf(identityOf('data-protection', 'in-scope'));
    dryRunJobId = (await http.post('/retention/dry-runs').set('Authorization', dpo).expect(202)).body.jobId;
    while ((await http.get(`/retention/dry-runs/${dryRunJobId}`).set('Authorization', dpo)).body.state !== 'completed') {
      if (Date.now() > deadline + 10_000) throw new Error('The retention dry run did not complete');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    retentionErasureJobId = (await http.post(`/retention/dry-runs/${dryRunJobId}/erasure`).set('Authorization', dpo).send({ reason: 'Retention period ended' }).expect(202)).body.jobId;
    const redis = new Redis(configuration.redisUrl);
    const notifications = new NotificationStore(redis, prefix);
    for (const area of [IN_SCOPE, OUT_OF_SCOPE]) await notifications.raise(breachIn(area));
    redis.disconnect();

    const document = (await http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { 'x-access'?: { permission: unknown } }>> };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, permission: operation['x-access']?.permission })),
    );
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await issuer?.stop();
    const redis = new Redis(configuration.redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  it("finds every route of the API's router in the OpenAPI document, each naming a permission of the policy table and callable here", () => {
    const express = api.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
    const routed = express.router.stack
      .flatMap((layer) => (layer.route && !layer.route.path.startsWith('/docs') && !layer.route.path.includes('*') ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`) : []))
      .sort();
    expect(routes.map(({ route }) => route).sort()).toEqual(routed);
    const unlisted = routes.filter(({ permission }) => !isPermission(permission)).map(({ route }) => route);
    expect({ 'routes naming no permission of the policy table': unlisted }).toEqual({ 'routes naming no permission of the policy table': [] });
    expect({ 'routes the matrix cannot call': routes.filter(({ route }) => !CALLS[route]).map(({ route }) => route) }).toEqual({ 'routes the matrix cannot call': [] });
  });

  it.each([...ROLES])('answers the %s role as the policy table says, in and out of scope', async (role) => {
    const mismatches: string[] = [];
    for (const { route, permission } of routes) {
      if (!isPermission(permission) || !CALLS[route]) continue;
      for (const scope of ['in-scope', 'out-of-scope'] as const) {
        const call = CALLS[route](scope);
        const expected = call.filtered ? expectedAnswer(permission, role, 'in-scope') : expectedAnswer(permission, role, scope);
        const response = await send(route, call, role === 'public' ? undefined : await bearerOf(identityOf(role, scope)));
        const answered = response.status >= 200 && response.status < 300 ? 'success' : response.status;
        if (answered !== expected) mismatches.push(`${route} as ${role} ${scope}: expected ${expected}, answered ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        if (typeof expected === 'number' && response.headers['content-type']?.startsWith('application/problem+json') !== true) mismatches.push(`${route} as ${role} ${scope}: no problem document`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers 401, with a Bearer challenge, to an expired token, one for another audience, a tampered signature and an unknown key id, on every route', async () => {
    const identity = identityOf('case-progression', 'in-scope');
    const valid = await issuer.token(identity);
    const [header, payload] = valid.split('.');
    const forged = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['admin', 'case-progression'] };
    const bad: Record<string, string> = {
      expired: await issuer.token(identity, { expiresIn: -120 }),
      'another audience': await issuer.token(identity, { audience: 'api://someone-else' }),
      'tampered signature': `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${valid.split('.')[2]}`,
      'unknown key id': await issuer.token(identity, { unpublishedKey: true }),
      'not a JWT': 'not-a-token',
    };
    const mismatches: string[] = [];
    for (const { route } of routes) {
      for (const [kind, token] of Object.entries(bad)) {
        const response = await send(route, CALLS[route]('in-scope'), `Bearer ${token}`);
        if (response.status !== 401 || !/^Bearer realm="case-journey", error="invalid_(token|request)"/.test(String(response.headers['www-authenticate']))) {
          mismatches.push(`${route} with ${kind}: ${response.status} ${response.headers['www-authenticate']}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("never reads another area's worklist, figures or notifications for a caller restricted to their own", async () => {
    const anglian = { 'witness-care': await bearerOf(identityOf('witness-care', 'out-of-scope')), board: await bearerOf(identityOf('board', 'out-of-scope')) };
    const wessex = { 'witness-care': await bearerOf(identityOf('witness-care', 'in-scope')), board: await bearerOf(identityOf('board', 'in-scope')) };
    const worklist = async (token: string) => (await http.get('/worklists/witness-care').query({ agency: 'Police' }).set('Authorization', token).expect(200)).body.items as Array<{ area: string }>;
    const notifications = async (token: string) => (await http.get('/notifications').set('Authorization', token).expect(200)).body.items as Array<{ area: string }>;
    const compliance = async (token: string) => (await http.get('/compliance').query({ groupBy: 'area' }).set('Authorization', token).expect(200)).body.rows as Array<{ group: { area: string } }>;

    expect((await worklist(wessex['witness-care'])).map((item) => item.area)).toContain(IN_SCOPE);
    expect(await worklist(anglian['witness-care'])).toEqual([]);
    expect((await notifications(wessex['witness-care'])).map((item) => item.area)).toEqual([IN_SCOPE]);
    expect((await notifications(anglian['witness-care'])).map((item) => item.area)).toEqual([OUT_OF_SCOPE]);
    expect(new Set((await compliance(wessex.board)).map((row) => row.group.area))).toEqual(new Set([IN_SCOPE]));
    expect(await compliance(anglian.board)).toEqual([]);
  });

  it('follows a rotation of the issuer\'s keys: a token signed with a newly published key is accepted', async () => {
    const fetched = issuer.jwksFetches;
    await issuer.rotate();
    const rotated = await issuer.token(identityOf('admin', 'in-scope'));
    await http.get(`/projections/rebuilds/${rebuildJobId}`).set('Authorization', `Bearer ${rotated}`).expect(200);
    expect(issuer.jwksFetches).toBe(fetched + 1);
  });
});

function breachIn(area: string): Notification {
  return {
    id: `breach/matrix-${area}`,
    kind: 'obligation-breached',
    raisedAt: '2025-03-04T00:00:00.000Z',
    caseId: `matrix-${area}`,
    urn: null,
    area,
    victimId: 'v-1',
    obligationId: `matrix-${area}/v-1/R4.referral/e-1`,
    ruleId: 'R4.referral',
    right: 4,
    responsible: 'Police',
    rights: 'standard',
    dueAt: '2025-03-03T23:59:59.999Z',
  };
}
