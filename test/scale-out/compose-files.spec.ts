import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES, loadConfiguration } from '@case-journey/platform';
import { loadWebConfiguration } from '../../apps/web/src/web-configuration';

/**
 * No Docker engine runs on the build machines, so the stack in docker/ is checked by reading it:
 * every service of docker/compose.yml against the Dockerfile's targets and the apps' own
 * configuration (the table in libs/platform, the web app's and the dev provider's settings).
 */
const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const NPM_SCRIPTS = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** The values a deployment must supply (`${NAME:?…}`), as a valid example of each. */
const SUPPLIED: Record<string, string> = { PERSONAL_DATA_MASTER_KEY: `${'A'.repeat(43)}=`, WEB_SESSION_SECRET: 's'.repeat(48) };

/** Compose's interpolation: `${NAME:?why}` takes the supplied value, `${NAME:-default}` its default. */
const interpolate = (value: unknown): string =>
  String(value).replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (kind === '-') return rest ?? '';
    if (!(name in SUPPLIED)) throw new Error(`No example value for ${name}`);
    return SUPPLIED[name];
  });

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  command?: string[];
  environment?: Record<string, unknown>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(read('docker/compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const environmentOf = (name: string): Record<string, string> => Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([key, value]) => [key, interpolate(value)]));
const healthTest = (name: string) => (services[name].healthcheck?.test ?? []).join(' ');

/** The Dockerfile's stages by name, each with its instructions (continuation lines joined). */
const stages: Record<string, string[]> = {};
{
  let current = '';
  for (const line of read('docker/Dockerfile').replace(/\\\n\s*/g, '').split('\n')) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(line);
    if (from) current = from[1];
    if (current && line.trim() && !line.startsWith('#')) (stages[current] ??= []).push(line.trim());
  }
}
const instruction = (stage: string, name: string) => stages[stage]?.filter((line) => line.startsWith(`${name} `)) ?? [];
/** A stage's ENV settings, its parents' included (FROM <parent> AS <stage>). */
function envOf(stage: string): Record<string, string> {
  const parent = /^FROM\s+(\S+)\s+AS/i.exec(stages[stage][0])?.[1];
  const inherited = parent && stages[parent] ? envOf(parent) : {};
  const own = instruction(stage, 'ENV').flatMap((line) => [...line.slice(4).matchAll(/(\w+)=(\S+)/g)].map(([, key, value]) => [key, value]));
  return { ...inherited, ...Object.fromEntries(own) };
}

/** The settings each app reads: the API's and worker's table, and the names the others read from process.env. */
const namesReadIn = (path: string, pattern: RegExp) => new Set([...read(path).matchAll(pattern)].map(([, name]) => name));
const PLATFORM_NAMES = new Set<string>(Object.values(ENVIRONMENT_VARIABLES));
const WEB_NAMES = namesReadIn('apps/web/src/web-configuration.ts', /env\.([A-Z_]+)/g);
const DEV_PROVIDER_NAMES = namesReadIn('apps/dev-identity-provider/src/main.ts', /process\.env\.([A-Z_]+)/g);

const APPS = { api: ['api-1', 'api-2'], worker: ['worker-1', 'worker-2'], web: ['web'], 'dev-identity-provider': ['dev-identity-provider'] } as const;
const appOf = (service: string) => (Object.keys(APPS) as Array<keyof typeof APPS>).find((app) => (APPS[app] as readonly string[]).includes(service));

describe('docker/compose.yml, checked without a Docker engine', () => {
  it('runs an EventStoreDB 3-node cluster, Redis, two API and two worker containers, the web app and the dev identity provider', () => {
    expect(Object.keys(services).sort()).toEqual(['api-1', 'api-2', 'dev-identity-provider', 'esdb-1', 'esdb-2', 'esdb-3', 'redis', 'web', 'worker-1', 'worker-2']);
    for (const node of ['esdb-1', 'esdb-2', 'esdb-3']) {
      expect(environmentOf(node)).toMatchObject({ EVENTSTORE_CLUSTER_SIZE: '3' });
      const seeds = environmentOf(node).EVENTSTORE_GOSSIP_SEED.split(',').map((seed) => seed.split(':')[0]);
      expect(seeds.sort()).toEqual(['esdb-1', 'esdb-2', 'esdb-3'].filter((other) => other !== node));
    }
  });

  it.each(Object.keys(services))('%s: a pinned image, or one built from a target of docker/Dockerfile that runs its app as a non-root user', (name) => {
    const service = services[name];
    const app = appOf(name);
    expect(service.image).toMatch(app ? new RegExp(`^case-journey/${app}:`) : /^[\w./-]+:\d[\w.-]*$/); // a version, never "latest"
    if (!app) return;
    expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile', target: app });
    expect(stages[app]).toBeDefined();
    const user = instruction(app, 'USER');
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^USER (root|0)\b/);
    for (const from of Object.values(stages).map((lines) => lines[0])) expect(from).not.toMatch(/:latest\b/);
    // The command: the target's CMD, repeated by compose, runs the app's own entry point.
    const command = JSON.parse(instruction(app, 'CMD')[0].slice(4)) as string[];
    expect(service.command).toEqual(command);
    // node, any V8 flags of its own (the worker's larger young generation), then the app's entry point under swc,
    // the very command its npm script runs, so that the container and `npm start` cannot drift apart.
    const entry = `apps/${app}/src/main.ts`;
    expect(command[0]).toBe('node');
    expect(command.slice(-3)).toEqual(['-r', '@swc-node/register', entry]);
    expect(command.slice(1, -3).every((flag) => /^--[a-z-]+=\d+$/.test(flag))).toBe(true);
    expect(existsSync(join(ROOT, entry))).toBe(true);
    expect(command.join(' ')).toBe(NPM_SCRIPTS[app === 'dev-identity-provider' ? 'dev-identity' : app]);
    // The image's own health check asks the port the image's environment sets.
    const imageCheck = instruction(app, 'HEALTHCHECK')[0];
    const portVariable = /process\.env\.([A-Z_]+)/.exec(imageCheck)?.[1];
    expect(portVariable && envOf(app)[portVariable]).toMatch(/^\d+$/);
  });

  it.each([...APPS.api, ...APPS.worker])('%s: every setting a row of the configuration table, and the configuration loads', (name) => {
    const environment = environmentOf(name);
    expect(Object.keys(environment).filter((key) => !PLATFORM_NAMES.has(key))).toEqual([]);
    const configuration = loadConfiguration(environment);
    expect(configuration.eventStore).toBe('eventstoredb');
    const hosts = /^esdb:\/\/([^?]+)/.exec(configuration.eventStoreConnectionString!)![1].split(',').map((node) => node.split(':')[0]);
    expect(hosts.sort()).toEqual(['esdb-1', 'esdb-2', 'esdb-3']);
    expect(new URL(configuration.redisUrl).hostname).toBe('redis');
    expect(configuration.oidcIssuer).toBe(environmentOf('dev-identity-provider').DEV_OIDC_ISSUER);
    expect(configuration.personalDataMasterKey).toBe(SUPPLIED.PERSONAL_DATA_MASTER_KEY);
  });

  it.each(APPS.api)('%s: listens on every interface as one process, and is ready when its /health/ready says so', (name) => {
    const configuration = loadConfiguration(environmentOf(name));
    expect(configuration).toMatchObject({ host: '0.0.0.0', apiProcesses: 1 });
    expect(healthTest(name)).toContain(`http://127.0.0.1:${configuration.port}/health/ready`);
  });

  it.each(APPS.worker)('%s: serves its probes on the network, and is ready when its /health/ready says so', (name) => {
    const configuration = loadConfiguration(environmentOf(name));
    expect(configuration.workerMetricsHost).toBe('0.0.0.0');
    expect(healthTest(name)).toContain(`http://127.0.0.1:${configuration.workerMetricsPort}/health/ready`);
  });

  it('web: every setting one the web app reads, its configuration loads, and it calls an API container on its port', () => {
    const environment = environmentOf('web');
    expect(Object.keys(environment).filter((key) => !WEB_NAMES.has(key))).toEqual([]);
    const web = loadWebConfiguration(environment);
    const api = new URL(web.apiUrl);
    expect(APPS.api as readonly string[]).toContain(api.hostname);
    expect(Number(api.port)).toBe(loadConfiguration(environmentOf(api.hostname)).port);
    expect(new URL(web.redisUrl).hostname).toBe('redis');
    expect(web.oidcIssuer).toBe(environmentOf('dev-identity-provider').DEV_OIDC_ISSUER);
    expect(healthTest('web')).toContain(`http://127.0.0.1:${web.port}/`);
  });

  it('dev-identity-provider: every setting one it reads, announcing the issuer the others trust, healthy when its discovery document answers', () => {
    const environment = environmentOf('dev-identity-provider');
    expect(Object.keys(environment).filter((key) => !DEV_PROVIDER_NAMES.has(key))).toEqual([]);
    expect(environment.NODE_ENV).not.toBe('production'); // it refuses to start there
    expect(new URL(environment.DEV_OIDC_ISSUER).port).toBe(environment.DEV_OIDC_PORT);
    expect(healthTest('dev-identity-provider')).toContain(`http://127.0.0.1:${environment.DEV_OIDC_PORT}/.well-known/openid-configuration`);
    expect(environment.DEV_WEB_REDIRECT_URIS).toBe(`${loadWebConfiguration(environmentOf('web')).baseUrl}/auth/callback`);
  });

  it('redis and the EventStoreDB nodes: each has a health check on its own service', () => {
    expect(healthTest('redis')).toBe('CMD redis-cli ping');
    for (const node of ['esdb-1', 'esdb-2', 'esdb-3']) expect(healthTest(node)).toContain(`http://127.0.0.1:${environmentOf(node).EVENTSTORE_HTTP_PORT}/health/live`);
  });

  it('starts each service only after what it depends on is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, exists: dependency in services, condition, checked: Boolean(services[dependency]?.healthcheck) }).toEqual({ name, dependency, exists: true, condition: 'service_healthy', checked: true });
      }
    }
    for (const app of [...APPS.api, ...APPS.worker]) expect(Object.keys(services[app].depends_on ?? {}).sort()).toEqual(['dev-identity-provider', 'esdb-1', 'esdb-2', 'esdb-3', 'redis']);
  });
});
