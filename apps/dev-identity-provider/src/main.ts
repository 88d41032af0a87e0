import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { devProvider } from './dev-provider';
import { DEMO_CLIENTS, DEMO_USERS } from './demo-directory';
import { devSigningKey } from './signing-key';

/**
 * The dev-only OpenID provider that `npm start` runs beside the API (never in production). Settings:
 * DEV_OIDC_PORT (9400), DEV_OIDC_HOST (127.0.0.1), DEV_OIDC_ISSUER (http://host:port), OIDC_AUDIENCE (api://case-journey),
 * DEV_WEB_REDIRECT_URIS, DEV_OIDC_KEY_FILE.
 */
async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('The dev OpenID provider does not run with NODE_ENV=production: configure OIDC_ISSUER to your identity provider');
  const host = process.env.DEV_OIDC_HOST ?? '127.0.0.1';
  // The port is taken before the provider is made, because the issuer URL names it (0 picks a free one, for tests).
  // Until the provider is made, a request is told to come back rather than left unanswered.
  let handle: RequestListener = (_request, response) => void response.writeHead(503, { 'retry-after': '1' }).end();
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(Number(process.env.DEV_OIDC_PORT ?? 9400), host, resolve));
  // Behind a container's port the address it listens on (0.0.0.0) is not the one callers use: DEV_OIDC_ISSUER names it.
  const issuer = process.env.DEV_OIDC_ISSUER ?? `http://${host}:${(server.address() as AddressInfo).port}`;
  const provider = devProvider({
    issuer,
    audience: process.env.OIDC_AUDIENCE ?? 'api://case-journey',
    webRedirectUris: (process.env.DEV_WEB_REDIRECT_URIS ?? 'http://127.0.0.1:3001/auth/callback,http://localhost:3001/auth/callback').split(',').map((uri) => uri.trim()),
    signingKey: await devSigningKey(process.env.DEV_OIDC_KEY_FILE ?? join(process.env.DATA_DIR ?? './data', 'dev-oidc-signing-key.json')),
  });
  handle = provider.callback();
  console.log(`dev OpenID provider on ${issuer} (discovery: ${issuer}/.well-known/openid-configuration)`);
  console.log(`  demo users (login page, any password): ${DEMO_USERS.join('  ')}`);
  console.log(`  agency systems (client credentials, secret <client id>-secret): ${DEMO_CLIENTS.map((client) => client.clientId).join(' ')}`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
