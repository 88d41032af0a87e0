import { randomBytes } from 'node:crypto';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { API_SCOPE, demoClient, DEMO_CLIENTS, TOKEN_COMMAND_CLIENT_ID, TOKEN_COMMAND_REDIRECT_URI, userClaims, WEB_CLIENT_ID } from './demo-directory';
import type { JWK } from 'jose';

export interface DevProviderSettings {
  issuer: string;
  /** The API's identifier: every access token is issued for it. */
  audience: string;
  /** Where the web app's sign-in may return to. */
  webRedirectUris: string[];
  signingKey: JWK;
}


/**
 * oidc-provider, configured for development only: demo users who sign in on its built-in dev login
 * page (any login of the demo form, any password), agency systems as client-credentials clients,
 * and the web app and the token command as public clients of the authorization code flow with PKCE.
 * Every access token is a JWT for the API's audience, carrying the roles, agency, areas and source
 * systems claims the API reads.
 */
export function devProvider(settings: DevProviderSettings): Provider {
  const { audience } = settings;
  const configuration: Configuration = {
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: settings.webRedirectUris,
        post_logout_redirect_uris: settings.webRedirectUris.map((uri) => new URL('/', uri).href),
        scope: `openid profile offline_access ${API_SCOPE}`,
      },
      {
        client_id: TOKEN_COMMAND_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [TOKEN_COMMAND_REDIRECT_URI],
        scope: `openid ${API_SCOPE}`,
      },
      ...DEMO_CLIENTS.map((client) => ({
        client_id: client.clientId,
        client_secret: client.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: API_SCOPE,
      })),
    ],
    jwks: { keys: [settings.signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true, methods: ['S256'] },
    claims: { openid: ['sub'], profile: ['name'] },
    scopes: ['openid', 'profile', 'offline_access', API_SCOPE],
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== audience) throw new errors.InvalidTarget(`the only resource here is ${audience}`);
          return { scope: API_SCOPE, audience, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    findAccount: async (_ctx, id) => {
      const claims = userClaims(id);
      if ('problem' in claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: id }) };
    },
    extraTokenClaims: async (_ctx, token) => {
      const fromClient = 'clientId' in token && token.kind === 'ClientCredentials' ? demoClient(String(token.clientId))?.claims : undefined;
      if (fromClient) return { ...fromClient };
      const accountId = (token as { accountId?: string }).accountId;
      const fromUser = accountId ? userClaims(accountId) : undefined;
      return fromUser && !('problem' in fromUser) ? { ...fromUser } : undefined;
    },
    // First-party clients are not asked for consent: the grant is made for them at sign-in.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
      if (grantId) return provider.Grant.find(grantId);
      if (!client || !session?.accountId || ![WEB_CLIENT_ID, TOKEN_COMMAND_CLIENT_ID].includes(client.clientId)) return undefined;
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      // The API's scope too: requested beside openid, it is checked as an OIDC scope, and would otherwise ask for consent.
      grant.addOIDCScope(`openid profile offline_access ${API_SCOPE}`);
      grant.addResourceScope(audience, API_SCOPE);
      await grant.save();
      return grant;
    },
    // The web app signs in without prompt=consent, so its offline_access is dropped (as the OpenID spec asks); it gets
    // a refresh token all the same, as identity providers such as Entra ID give a signed-in web app one, and renews its
    // sessions with it. A refresh token is used once: each refresh gives a new one (rotation, the default for a public client).
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && (code.scopes.has('offline_access') || client.clientId === WEB_CLIENT_ID),
    ttl: { AccessToken: 3600, ClientCredentials: 3600, AuthorizationCode: 120, IdToken: 3600, RefreshToken: 8 * 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    renderError: async (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  };
  return new Provider(settings.issuer, configuration);
}
