import { Inject, Injectable } from '@nestjs/common';
import { generators, Issuer, type BaseClient, type TokenSet } from 'openid-client';
import { WEB_CONFIGURATION } from '../web-tokens';
import type { WebConfiguration } from '../web-configuration';
import { claimsOf, type PendingSignIn, type SignedInUser } from './signed-in-user';

/** The API's scope at the issuer, and the standard ones the web app asks for. */
const SCOPE = 'openid profile offline_access case-journey';
/** How long a refresh's answer is kept for the other pages of the same session that asked with the same token. */
const REFRESH_KEPT_MS = 30_000;

/**
 * OpenID Connect sign-in with openid-client (5.x, the last CommonJS major): the authorization code
 * flow with PKCE (S256), state and nonce, against the issuer the API trusts, asking for an access
 * token for the API's audience (resource indicator). The issuer is discovered on first use, so the
 * web app starts even while the issuer is still starting.
 */
@Injectable()
export class OidcSignIn {
  private client?: Promise<BaseClient>;
  /** Refreshes under way or just done, by the refresh token they used. */
  private readonly refreshing = new Map<string, Promise<SignedInUser | undefined>>();

  constructor(@Inject(WEB_CONFIGURATION) private readonly configuration: WebConfiguration) {}

  get redirectUri(): string {
    return `${this.configuration.baseUrl}/auth/callback`;
  }

  async start(returnTo: string, loginHint?: string): Promise<{ url: string; pending: PendingSignIn }> {
    const client = await this.oidcClient();
    const pending: PendingSignIn = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier(), returnTo };
    const url = client.authorizationUrl({
      scope: SCOPE,
      resource: this.configuration.oidcAudience,
      code_challenge: generators.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      ...(loginHint && { login_hint: loginHint }),
    });
    return { url, pending };
  }

  /** Exchanges the code the issuer sent back, checking state, nonce and the PKCE verifier. */
  async finish(callbackUrl: string, pending: PendingSignIn): Promise<SignedInUser> {
    const client = await this.oidcClient();
    const params = client.callbackParams(callbackUrl);
    const tokens = await client.callback(this.redirectUri, params, { state: pending.state, nonce: pending.nonce, code_verifier: pending.codeVerifier }, { exchangeBody: { resource: this.configuration.oidcAudience } });
    return this.userOf(tokens);
  }

  /**
   * New tokens for a user whose access token is expiring, with their refresh token (openid-client's
   * `refresh`); undefined when there is none or the issuer refuses it (then they sign in again).
   * Pages asked at once with one expiring session refresh once: the issuer rotates refresh tokens,
   * so a second use of the same one would be refused and sign the user out.
   */
  refresh(user: SignedInUser): Promise<SignedInUser | undefined> {
    const { refreshToken } = user;
    if (!refreshToken) return Promise.resolve(undefined);
    let refreshing = this.refreshing.get(refreshToken);
    if (!refreshing) {
      refreshing = this.exchange(refreshToken, user).finally(() => setTimeout(() => this.refreshing.delete(refreshToken), REFRESH_KEPT_MS).unref());
      this.refreshing.set(refreshToken, refreshing);
    }
    return refreshing;
  }

  private async exchange(refreshToken: string, user: SignedInUser): Promise<SignedInUser | undefined> {
    try {
      const client = await this.oidcClient();
      return this.userOf(await client.refresh(refreshToken, { exchangeBody: { resource: this.configuration.oidcAudience } }), user);
    } catch {
      return undefined;
    }
  }

  /** Where to end the session at the issuer too, coming back to the start page. */
  async signOutUrl(idToken: string | undefined): Promise<string> {
    const client = await this.oidcClient();
    if (!client.issuer.metadata.end_session_endpoint) return '/signed-out';
    return client.endSessionUrl({ ...(idToken && { id_token_hint: idToken }), post_logout_redirect_uri: `${this.configuration.baseUrl}/` });
  }

  private userOf(tokens: TokenSet, before?: SignedInUser): SignedInUser {
    if (!tokens.access_token) throw new Error('The issuer gave no access token');
    const claims = claimsOf(tokens.access_token);
    const idClaims = tokens.id_token ? tokens.claims() : undefined;
    return {
      ...claims,
      name: String(idClaims?.name ?? before?.name ?? claims.subject),
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? before?.refreshToken,
      idToken: tokens.id_token ?? before?.idToken,
      expiresAt: (tokens.expires_at ?? Math.floor(Date.now() / 1000) + 300) * 1000,
    };
  }

  private oidcClient(): Promise<BaseClient> {
    this.client ??= Issuer.discover(this.configuration.oidcIssuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: this.configuration.oidcClientId,
          ...(this.configuration.oidcClientSecret ? { client_secret: this.configuration.oidcClientSecret } : { token_endpoint_auth_method: 'none' }),
          redirect_uris: [this.redirectUri],
          response_types: ['code'],
        }),
    );
    // A failed discovery is tried again on the next sign-in rather than remembered.
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }
}
