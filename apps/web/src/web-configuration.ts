import { randomBytes } from 'node:crypto';
import { ConfigurationError } from '@case-journey/platform';

export interface WebConfiguration {
  port: number;
  host: string;
  /** Where browsers reach the web app: the sign-in's redirect URI is under it, and https makes cookies secure. */
  baseUrl: string;
  apiUrl: string;
  /** How long a page waits for the API before it says the service did not answer. */
  apiTimeoutMs: number;
  oidcIssuer: string;
  oidcAudience: string;
  oidcClientId: string;
  oidcClientSecret?: string;
  sessionSecret: string;
  sessionHours: number;
  redisUrl: string;
  redisKeyPrefix: string;
  /** Demo logins offered on the sign-in page (npm start names the dev provider's); none in production. */
  demoLogins: string[];
  production: boolean;
}

/** Reads the web app's settings; every bad one is named in one error, as the API's are. */
export function loadWebConfiguration(env: NodeJS.ProcessEnv = process.env): WebConfiguration {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const port = Number(env.WEB_PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`WEB_PORT: ${env.WEB_PORT} is not a port number`);
  const host = env.WEB_HOST ?? '127.0.0.1';
  const baseUrl = (env.WEB_BASE_URL ?? `http://${host}:${port}`).replace(/\/$/, '');
  const url = (name: string, value: string | undefined) => {
    if (value === undefined || value === '') return problems.push(`${name}: must be set`), '';
    try {
      return new URL(value).href.replace(/\/$/, '');
    } catch {
      return problems.push(`${name}: is not a URL`), '';
    }
  };
  if (env.WEB_BASE_URL) url('WEB_BASE_URL', env.WEB_BASE_URL);
  const oidcIssuer = url('OIDC_ISSUER', env.OIDC_ISSUER);
  const apiUrl = url('API_URL', env.API_URL ?? 'http://127.0.0.1:3000');
  const apiTimeoutMs = Number(env.WEB_API_TIMEOUT_MS ?? 30_000);
  if (!(Number.isInteger(apiTimeoutMs) && apiTimeoutMs >= 100 && apiTimeoutMs <= 300_000)) problems.push('WEB_API_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 300000');
  const sessionSecret = env.WEB_SESSION_SECRET ?? (production ? '' : randomBytes(32).toString('base64url'));
  if (sessionSecret.length < 32) problems.push('WEB_SESSION_SECRET: must be set to 32 or more characters (only development makes one up)');
  const sessionHours = Number(env.WEB_SESSION_HOURS ?? 8);
  if (!(sessionHours > 0 && sessionHours <= 24)) problems.push('WEB_SESSION_HOURS: must be a number of hours from 0 to 24');
  const demoLogins = (env.WEB_DEMO_LOGINS ?? '').split(' ').map((login) => login.trim()).filter(Boolean);
  if (production && demoLogins.length > 0) problems.push('WEB_DEMO_LOGINS: demo logins are for development only');
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    port,
    host,
    baseUrl,
    apiUrl,
    apiTimeoutMs,
    oidcIssuer,
    oidcAudience: env.OIDC_AUDIENCE ?? 'api://case-journey',
    oidcClientId: env.WEB_OIDC_CLIENT_ID ?? 'case-journey-web',
    ...(env.WEB_OIDC_CLIENT_SECRET && { oidcClientSecret: env.WEB_OIDC_CLIENT_SECRET }),
    sessionSecret,
    sessionHours,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'cj',
    demoLogins,
    production,
  };
}
