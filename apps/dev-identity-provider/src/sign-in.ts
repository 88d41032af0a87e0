import { createHash, randomBytes } from 'node:crypto';
import { API_SCOPE, TOKEN_COMMAND_CLIENT_ID, TOKEN_COMMAND_REDIRECT_URI, type DemoClient } from './demo-directory';

/** An agency system's token: the client credentials grant, for the API's audience. */
export async function agencySystemToken(issuer: string, client: DemoClient, audience: string): Promise<string> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: API_SCOPE, resource: audience }),
  });
  return accessTokenFrom(response);
}

/**
 * A demo user's token, signed in as a browser would: the authorization code flow with PKCE through
 * the provider's dev login page, then the code exchanged for the access token.
 */
export async function userToken(issuer: string, login: string, audience: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const browser = new CookieJar();
  const authorization = new URL(`${issuer}/auth`);
  authorization.search = new URLSearchParams({
    client_id: TOKEN_COMMAND_CLIENT_ID,
    response_type: 'code',
    redirect_uri: TOKEN_COMMAND_REDIRECT_URI,
    scope: `openid ${API_SCOPE}`,
    resource: audience,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
  }).toString();

  let location = await browser.follow(authorization.href);
  for (let step = 0; !location.startsWith(TOKEN_COMMAND_REDIRECT_URI); step++) {
    if (step > 6) throw new Error(`Signing in as ${login} did not finish (stuck at ${location})`);
    const url = new URL(location, issuer).href;
    if (!url.includes('/interaction/')) {
      location = await browser.follow(url);
      continue;
    }
    // The dev login page (and a consent page, were one asked) names its prompt in a hidden field.
    const prompt = /name="prompt" value="([a-z]+)"/.exec(await browser.page(url))?.[1];
    if (!prompt) throw new Error(`The dev provider's page at ${url} asks for nothing this command can give`);
    location = await browser.submit(url, { prompt, login, password: 'dev' });
  }
  const answer = new URL(location).searchParams;
  const code = answer.get('code');
  if (!code) throw new Error(`Signing in as ${login} was refused: ${answer.get('error')}: ${answer.get('error_description')}`);
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: TOKEN_COMMAND_REDIRECT_URI, client_id: TOKEN_COMMAND_CLIENT_ID, code_verifier: verifier, resource: audience }),
  });
  return accessTokenFrom(response);
}

async function accessTokenFrom(response: Response): Promise<string> {
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`The dev provider refused: ${body.error ?? response.status}: ${body.error_description ?? ''}`);
  return body.access_token;
}

/** Just enough of a browser for the sign-in: cookies kept, redirects read one at a time. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  async follow(url: string): Promise<string> {
    return this.redirectOf(await fetch(url, { redirect: 'manual', headers: this.header() }));
  }

  async page(url: string): Promise<string> {
    const response = await fetch(url, { headers: this.header() });
    if (!response.ok) throw new Error(`The dev provider answered ${response.status} for ${url}: ${(await response.text()).slice(0, 300)}`);
    return response.text();
  }

  async submit(url: string, form: Record<string, string>): Promise<string> {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    return this.redirectOf(response);
  }

  private header(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  private async redirectOf(response: Response): Promise<string> {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`The dev provider answered ${response.status} instead of a redirect: ${(await response.text()).slice(0, 300)}`);
    }
    return location;
  }
}
