import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { dropRedisKeys } from './redis-keys';

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
  const prefix = `cjtest-openapi-${process.pid}`;
  let issuer: TestIssuer;
  let app: INestApplication;
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
    issuer = await TestIssuer.start();
    app = await createApi(loadConfiguration({ REDIS_KEY_PREFIX: prefix, ...issuer.environment }), {
      eventStore: SqliteEventStore.inMemory(),
      victimKeyStore: new InMemoryVictimKeyStore(),
    });
    await app.init();
    document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, path, operation })),
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    await dropRedisKeys(prefix);
  });

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

  it('documents every path parameter of every route, and every query parameter with its schema', () => {
    const undocumented = operations.flatMap(({ route, path, operation }) => {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      const documented = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path' && parameter.required && describes(parameter.schema)).map(({ name }) => name);
      const queries = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query' && !describes(parameter.schema)).map(({ name }) => `?${name}`);
      return [...named.filter((name) => !documented.includes(name)), ...queries].map((name) => `${route} ${name}`);
    });
    expect({ 'parameters undocumented': undocumented }).toEqual({ 'parameters undocumented': [] });
  });

  it("lists the projections a rebuild may name as its path parameter's values", () => {
    const name = document.paths['/projections/{name}/rebuild'].post.parameters?.find((parameter) => parameter.name === 'name');
    expect(name?.schema?.enum).toEqual(['timeline', 'obligations', 'reporting']);
  });
});
