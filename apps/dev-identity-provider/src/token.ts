import { parseArgs } from 'node:util';
import { agencySystemClient, DEMO_AREAS, demoLogin, userClaims } from './demo-directory';
import { agencySystemToken, userToken } from './sign-in';

const USAGE = `npm run token -- --role <role> [--agency <agency>] [--area <area>[,<area>]]
  Prints an access token from the running dev provider (npm start), for: curl -H "Authorization: Bearer $TOKEN" ...
  role: agency-system | case-progression | witness-care | board | admin | data-protection
  An agency system signs in as its client (client credentials); everyone else as a demo user (code flow with PKCE).
  Demo areas: ${DEMO_AREAS.join(', ')}. Settings: DEV_OIDC_ISSUER (http://127.0.0.1:9400), OIDC_AUDIENCE (api://case-journey).`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { role: { type: 'string' }, agency: { type: 'string' }, area: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.role) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const issuer = process.env.DEV_OIDC_ISSUER ?? 'http://127.0.0.1:9400';
  const audience = process.env.OIDC_AUDIENCE ?? 'api://case-journey';
  await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => {
    throw new Error(`No dev OpenID provider answers on ${issuer}: start the product with npm start (or DEV_OIDC_ISSUER=...)`);
  });
  if (values.role === 'agency-system') {
    const client = agencySystemClient(values.agency ?? 'Police', values.area);
    if ('problem' in client) throw new Error(client.problem);
    process.stdout.write(`${await agencySystemToken(issuer, client, audience)}\n`);
    return;
  }
  const login = demoLogin(values.role, values.agency, values.area);
  const claims = userClaims(login);
  if ('problem' in claims) throw new Error(claims.problem);
  process.stdout.write(`${await userToken(issuer, login, audience)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
