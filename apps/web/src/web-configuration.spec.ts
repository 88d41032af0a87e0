import { ConfigurationError } from '@case-journey/platform';
import { loadWebConfiguration } from './web-configuration';

describe("the web app's configuration", () => {
  it('given only the issuer, listens on 127.0.0.1:3001 and calls the API on :3000, with secure cookies only over https', () => {
    const configuration = loadWebConfiguration({ OIDC_ISSUER: 'http://127.0.0.1:9400' });
    expect(configuration).toMatchObject({ port: 3001, host: '127.0.0.1', baseUrl: 'http://127.0.0.1:3001', apiUrl: 'http://127.0.0.1:3000', apiTimeoutMs: 30_000, oidcClientId: 'case-journey-web', demoLogins: [] });
    expect(configuration.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('names every bad setting in one error: no issuer, a bad port, an API timeout of no time, no session secret in production, demo logins in production', () => {
    const attempt = () => loadWebConfiguration({ NODE_ENV: 'production', WEB_PORT: 'eighty', WEB_API_TIMEOUT_MS: '0', WEB_DEMO_LOGINS: 'admin' });
    expect(attempt).toThrow(ConfigurationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigurationError).problems.map((problem) => problem.split(':')[0])).toEqual(['WEB_PORT', 'OIDC_ISSUER', 'WEB_API_TIMEOUT_MS', 'WEB_SESSION_SECRET', 'WEB_DEMO_LOGINS']);
    }
  });
});
