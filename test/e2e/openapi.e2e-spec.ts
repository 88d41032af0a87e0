import Ajv, { type ValidateFunction } from 'ajv';
import request from 'supertest';
import { CRIME_REPORT_EXAMPLE, EXAMPLE_IDS, HANDOFF_EXAMPLES } from '../../apps/api/src/cases/dto/examples';
import { startApiWithWorker, within, type ApiWithWorker } from './api-with-worker';

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Answer {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, Answer>;
  security?: unknown[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const PROBLEM = '#/components/schemas/ProblemDto';
/** Routes that answer the readings themselves when a store is away, not a problem document. */
const READINGS_WHEN_UNAVAILABLE = ['GET /health', 'GET /health/ready'];
/** Routes that read no store: the liveness probe, the process's metrics, an import's own files, the measures' definitions. */
const NEVER_UNAVAILABLE = ['GET /health/live', 'GET /metrics', 'GET /imports/{id}', 'GET /imports/{id}/rejections', 'GET /reports/measures'];

describe('the OpenAPI document: every route documents its answers and its parameters', () => {
  let app: ApiWithWorker;
  let document: Document;
  let operations: Array<{ route: string; path: string; operation: Operation }>;

  /** A schema that says something: a reference to a component with properties, a typed value, a list of such, or a choice of them. */
  const describes = (schema: Schema | undefined): boolean => {
    if (!schema) return false;
    if (schema.$ref) {
      const component = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
      return component !== undefined && (component.type !== 'object' || Object.keys(component.properties ?? {}).length > 0);
    }
    if (schema.oneOf) return schema.oneOf.length > 0 && schema.oneOf.every(describes);
    if (schema.allOf) return schema.allOf.length > 0 && schema.allOf.every(describes);
    if (schema.type === 'array') return describes(schema.items);
    if (schema.type === 'object') return Object.keys(schema.properties ?? {}).length > 0;
    return schema.type !== undefined || schema.enum !== undefined;
  };
  const failing = (what: string, test: (entry: { route: string; path: string; operation: Operation }) => boolean) => ({
    [what]: operations.filter((entry) => !test(entry)).map(({ route }) => route),
  });
  const none = (what: string) => ({ [what]: [] });

  beforeAll(async () => {
    app = await startApiWithWorker({ keyPrefix: `cjtest-openapi-${process.pid}`, areas: [CRIME_REPORT_EXAMPLE.area] });
    document = (await app.get('/docs-json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, path, operation })),
    );
  }, 60_000);

  afterAll(() => app?.close());

  it('documents a schema for every success answer of every route, in each media type it sends', () => {
    const what = 'routes whose success answers lack a schema';
    expect(
      failing(what, ({ operation }) => {
        const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
        return successes.length > 0 && successes.every(([, answer]) => Object.keys(answer.content ?? {}).length > 0 && Object.values(answer.content!).every(({ schema }) => describes(schema)));
      }),
    ).toEqual(none(what));
  });

  it('leaves no schema the document names empty: every object lists its properties, every reference resolves', () => {
    const text = JSON.stringify(document);
    const unresolved = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(([, name]) => name).filter((name) => !document.components.schemas[name]);
    const empty = Object.entries(document.components.schemas)
      .filter(([, schema]) => schema.type === 'object' && Object.keys(schema.properties ?? {}).length === 0 && !(schema as { additionalProperties?: unknown }).additionalProperties)
      .map(([name]) => name);
    expect({ unresolved: [...new Set(unresolved)], empty }).toEqual({ unresolved: [], empty: [] });
  });

  it('documents the failures every route can answer, and those of a body, a path parameter or a signed-in caller where they apply', () => {
    const answers = (operation: Operation, ...statuses: number[]) => statuses.every((status) => operation.responses[status] !== undefined);
    const expectations: Array<[string, (entry: { route: string; operation: Operation }) => boolean]> = [
      // Every route refuses a path segment, parameter or header no store can hold (a NUL, say), and limits its callers.
      ['400 and 429', ({ operation }) => answers(operation, 400, 429)],
      ['401 and 403 where a token is needed', ({ operation }) => !operation.security || answers(operation, 401, 403)],
      // A path parameter of listed values (a projection's name) is refused as a bad parameter, 400, instead.
      ['404 where a path names something', ({ operation }) => !operation.parameters?.some((parameter) => parameter.in === 'path' && !parameter.schema?.enum) || answers(operation, 404)],
      ['413 and 415 where a body is read', ({ operation }) => !operation.requestBody || answers(operation, 413, 415)],
      ['503 where a store is read', ({ operation, route }) => NEVER_UNAVAILABLE.includes(route) || answers(operation, 503)],
    ];
    for (const [statuses, test] of expectations) expect(failing(`routes lacking ${statuses}`, test)).toEqual(none(`routes lacking ${statuses}`));
  });

  it('answers every failure with the problem document, and names Retry-After on 429 and 503', () => {
    const faults = operations.flatMap(({ route, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(([status, answer]) => {
          const schema = Object.values(answer.content ?? {})[0]?.schema;
          const problem = answer.content?.['application/problem+json']?.schema?.$ref === PROBLEM || (status === '503' && READINGS_WHEN_UNAVAILABLE.includes(route) && describes(schema));
          const retryAfter = !['429', '503'].includes(status) || answer.headers?.['Retry-After'] !== undefined;
          return !problem || !retryAfter || !answer.description;
        })
        .map(([status]) => `${route} ${status}`),
    );
    expect({ 'failures not documented as problems': faults }).toEqual({ 'failures not documented as problems': [] });
  });

  it('documents every path parameter of every route, every query parameter with its schema, and the X-Request-Id every route takes', () => {
    const undocumented = operations.flatMap(({ route, path, operation }) => {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      const documented = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path' && parameter.required && describes(parameter.schema)).map(({ name }) => name);
      const queries = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query' && !describes(parameter.schema)).map(({ name }) => `?${name}`);
      const requestId = (operation.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name === 'X-Request-Id') ? [] : ['X-Request-Id'];
      return [...named.filter((name) => !documented.includes(name)), ...queries, ...requestId].map((name) => `${route} ${name}`);
    });
    expect({ 'parameters undocumented': undocumented }).toEqual({ 'parameters undocumented': [] });
  });

  it("lists the projections a rebuild may name as its path parameter's values", () => {
    const name = document.paths['/projections/{name}/rebuild'].post.parameters?.find((parameter) => parameter.name === 'name');
    expect(name?.schema?.enum).toEqual(['timeline', 'obligations', 'reporting']);
  });

  describe('real answers', () => {
    /**
     * The document's schemas as JSON Schema for ajv: OpenAPI 3.0's `nullable` becomes a choice with
     * null, and an object that lists its properties allows no other, so an answer's undocumented
     * field fails as a missing one does.
     */
    const asJsonSchema = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(asJsonSchema);
      if (typeof node !== 'object' || node === null) return node;
      const { nullable, ...schema } = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'example' ? value : key === '$ref' ? `openapi${value}` : asJsonSchema(value)])) as Record<string, unknown>;
      if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
      return nullable ? { anyOf: [schema, { type: 'null' }] } : schema;
    };
    const validators = new Map<string, ValidateFunction>();
    let ajv: Ajv;

    /** Where the answer breaks the schema its route documents for its status and media type; none when it holds. */
    const breaches = (method: string, template: string, answer: { status: number; body: unknown; headers: Record<string, string> }): string[] => {
      const media = String(answer.headers['content-type']).split(';')[0];
      const documented = document.paths[template]?.[method]?.responses[answer.status]?.content?.[media]?.schema;
      if (!documented) return [`${method.toUpperCase()} ${template}: ${answer.status} ${media} is not documented`];
      const key = `${method} ${template} ${answer.status} ${media}`;
      if (!validators.has(key)) validators.set(key, ajv.compile(asJsonSchema(documented) as object));
      const validate = validators.get(key)!;
      return validate(answer.body) ? [] : (validate.errors ?? []).map((error) => `${method.toUpperCase()} ${template} ${answer.status}: ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    };

    const caseId = () => createdCaseId;
    let createdCaseId = '';
    let measureId = '';
    /** An instant after every recording: the case as of it is the case as it stands. */
    let afterRecordings = '';
    const recorded: Array<{ template: string; answer: { status: number; body: unknown; headers: Record<string, string> } }> = [];

    beforeAll(async () => {
      ajv = new Ajv({ strict: false, allErrors: true, formats: { 'date-time': true, date: true, binary: true } });
      ajv.addSchema({ $id: 'openapi', components: asJsonSchema(document.components) as object });
      const reported = await app.post('/cases', CRIME_REPORT_EXAMPLE).expect(201);
      recorded.push({ template: '/cases', answer: reported });
      createdCaseId = reported.body.caseId;
      for (const type of ['FileSubmittedToCps', 'FileReviewed', 'ChargeDecisionMade', 'HearingListed'] as const) {
        recorded.push({ template: '/cases/{id}/events', answer: await app.post(`/cases/${createdCaseId}/events`, HANDOFF_EXAMPLES[type]).expect(201) });
      }
      await within(20_000, 'the case on its timeline and in the worklist', async () => {
        const timeline = await app.get(`/cases/${createdCaseId}/timeline`);
        const worklist = await app.get('/worklists/witness-care');
        return timeline.status === 200 && timeline.body.entries.length === 5 && worklist.status === 200 && worklist.body.total > 0;
      });
      measureId = (await app.get('/reports/measures').expect(200)).body.measures[0].id;
      afterRecordings = new Date().toISOString();
    }, 60_000);

    it('answers each write and each read as its route documents, and with nothing it does not', async () => {
      const reads: Array<[template: string, path: string]> = [
        ['/cases', '/cases'],
        ['/cases', `/cases?area=${CRIME_REPORT_EXAMPLE.area}&stage=pre-trial,trial&limit=5`],
        ['/cases/{id}', `/cases/${caseId()}`],
        ['/cases/{id}', `/cases/${caseId()}?asOf=${encodeURIComponent(afterRecordings)}`],
        ['/cases/{id}/events', `/cases/${caseId()}/events`],
        ['/cases/{id}/timeline', `/cases/${caseId()}/timeline`],
        ['/cases/{id}/victims/{victimId}/journey', `/cases/${caseId()}/victims/${EXAMPLE_IDS.victim}/journey`],
        ['/cases/{id}/victims/{victimId}', `/cases/${caseId()}/victims/${EXAMPLE_IDS.victim}?purpose=safeguarding`],
        ['/worklists/witness-care', '/worklists/witness-care'],
        ['/worklists/witness-care', '/worklists/witness-care?due=overdue'],
        ['/compliance', '/compliance?groupBy=area,entitlement'],
        ['/compliance/timeliness', '/compliance/timeliness'],
        ['/notifications', '/notifications'],
        ['/areas', '/areas'],
        ['/audit', '/audit'],
        ['/reports/measures', '/reports/measures'],
        ['/reports/{measure}', `/reports/${measureId}?groupBy=area`],
        ['/public/reports/{measure}', `/public/reports/${measureId}`],
        ['/reports/packs', '/reports/packs'],
        ['/health', '/health'],
        ['/health/live', '/health/live'],
        ['/health/ready', '/health/ready'],
      ];
      const answers = [...recorded.map(({ template, answer }) => ({ method: 'post', template, answer }))];
      for (const [template, path] of reads) answers.push({ method: 'get', template, answer: await app.get(path) });

      expect(answers.filter(({ answer }) => answer.status >= 300).map(({ template, answer }) => `${template} ${answer.status}`)).toEqual([]);
      expect(answers.flatMap(({ method, template, answer }) => breaches(method, template, answer))).toEqual([]);
    });

    it("answers each job's request and progress as documented: a rebuild, a retention dry run, an import, a board pack, and an erasure", async () => {
      const admin = (path: string) => request(app.api.getHttpServer()).post(path).set('Authorization', app.as());
      const rebuild = await admin('/projections/timeline/rebuild');
      const dryRun = await admin('/retention/dry-runs');
      const imported = await admin('/imports').set('Content-Type', 'application/x-ndjson').send(`${JSON.stringify({ ...CRIME_REPORT_EXAMPLE, type: 'CrimeReported', sourceReference: 'OPENAPI-IMPORT' })}\n`);
      const pack = await app.post('/reports/packs', { month: '2025-03', area: CRIME_REPORT_EXAMPLE.area });
      const finished = async (path: string, done: (body: { state: string }) => boolean) => {
        let answer = await app.get(path);
        await within(30_000, `${path} finished`, async () => done((answer = await app.get(path)).body));
        return answer;
      };
      const answers = [
        { method: 'get', template: '/projections/rebuilds/{jobId}', answer: await finished(`/projections/rebuilds/${rebuild.body.jobId}`, ({ state }) => state === 'completed') },
        { method: 'get', template: '/retention/dry-runs/{jobId}', answer: await finished(`/retention/dry-runs/${dryRun.body.jobId}`, ({ state }) => state === 'completed') },
        { method: 'get', template: '/imports/{id}', answer: await finished(`/imports/${imported.body.id}`, ({ state }) => state === 'completed') },
        { method: 'post', template: '/projections/{name}/rebuild', answer: rebuild },
        { method: 'get', template: '/projections/rebuilds/{jobId}', answer: await app.get(`/projections/rebuilds/${rebuild.body.jobId}`) },
        { method: 'post', template: '/retention/dry-runs', answer: dryRun },
        { method: 'get', template: '/retention/dry-runs/{jobId}', answer: await app.get(`/retention/dry-runs/${dryRun.body.jobId}`) },
        { method: 'post', template: '/imports', answer: imported },
        { method: 'get', template: '/imports/{id}', answer: await app.get(`/imports/${imported.body.id}`) },
        { method: 'post', template: '/reports/packs', answer: pack },
        { method: 'get', template: '/reports/packs/{id}', answer: await app.get(`/reports/packs/${pack.body.id}`) },
        { method: 'post', template: '/victims/{victimId}/erasure', answer: await app.post(`/victims/${EXAMPLE_IDS.victim}/erasure`, { reason: 'The victim asked for their data to be erased' }) },
      ];
      expect(answers.filter(({ answer }) => answer.status >= 300).map(({ template, answer }) => `${template} ${answer.status} ${JSON.stringify(answer.body)}`)).toEqual([]);
      expect(answers.flatMap(({ method, template, answer }) => breaches(method, template, answer))).toEqual([]);
    });

    it('refuses, on every route that takes query parameters, one the document does not list: the documented ones are all it reads', async () => {
      const sample: Record<string, () => string> = { id: caseId, victimId: () => EXAMPLE_IDS.victim, measure: () => measureId, jobId: () => 'no-such-job', name: () => 'timeline' };
      const queried = operations.filter(({ operation }) => operation.parameters?.some((parameter) => parameter.in === 'query'));
      const accepted: string[] = [];
      for (const { route, path } of queried) {
        const [method] = route.split(' ');
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name]());
        const answer = await (method === 'GET' ? app.get(url) : app.post(url, {})).query({ undocumented: 'x' });
        if (answer.status !== 400 || !answer.body.errors?.some((error: { field: string }) => error.field === 'undocumented')) accepted.push(`${route} ${answer.status}`);
      }
      expect(queried.length).toBeGreaterThan(10);
      expect({ 'routes taking an undocumented query parameter': accepted }).toEqual({ 'routes taking an undocumented query parameter': [] });
    });

    it('answers a failure as the problem document it documents', async () => {
      const failures = [
        { template: '/cases/{id}', answer: await app.get('/cases/6f9619ff-8b86-4011-b42d-00c04fc964ff') },
        { template: '/cases', answer: await app.get('/cases?area=Nowhere') },
        { template: '/cases', answer: await app.get('/cases?limit=0&unknown=1') },
      ];
      expect(failures.map(({ answer }) => answer.status)).toEqual([404, 404, 400]);
      expect(failures.flatMap(({ template, answer }) => breaches('get', template, answer))).toEqual([]);
    });
  });
});
