import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DEFAULT_CLAIM_NAMES, principalFromClaims, type ClaimNames, type PrincipalReading } from '@case-journey/access';
import type { AppConfiguration } from '@case-journey/platform';

/** Asymmetric algorithms only: a shared-secret (HS*) or unsigned token is refused whatever its header says. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** How long a verified token is taken on trust before its signature is checked again: a key the issuer withdraws stops working within this. */
const REMEMBERED_FOR_MS = 30_000;
/** Tokens remembered at most; the oldest remembered go first. */
const REMEMBERED_AT_MOST = 10_000;

export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  /** The issuer's key set; read from its discovery document when not given. */
  jwksUrl?: string;
  claimNames?: ClaimNames;
  /** The least time between two fetches of the key set, in seconds (default 30). */
  jwksCooldownSeconds?: number;
  /** Leeway for clocks that differ a little, in seconds. */
  clockToleranceSeconds?: number;
}

/**
 * Verifies OAuth 2.0 / OpenID Connect bearer tokens (JWT) with jose: the signature against the
 * issuer's published keys, the issuer, the audience, and the expiry. The key set is fetched when
 * first needed and again when a token names a key id it does not hold (the issuer rotated its keys),
 * at most every 30 seconds (OIDC_JWKS_COOLDOWN_SECONDS), so a forged key id cannot make the API hammer the issuer.
 */
export class TokenVerifier {
  private keys?: Promise<JWTVerifyGetKey>;
  /**
   * Tokens verified lately, with when to stop trusting them: a signature check is most of what a
   * cheap read costs, and a client sends the same token with every request.
   */
  private readonly verified = new Map<string, { reading: PrincipalReading; until: number }>();

  constructor(private readonly settings: TokenVerifierSettings) {}

  static fromConfiguration(configuration: AppConfiguration): TokenVerifier {
    return new TokenVerifier({
      issuer: configuration.oidcIssuer as string,
      audience: configuration.oidcAudience,
      jwksUrl: configuration.oidcJwksUrl,
      jwksCooldownSeconds: configuration.oidcJwksCooldownSeconds,
      claimNames: {
        roles: configuration.oidcRolesClaim,
        agency: configuration.oidcAgencyClaim,
        areas: configuration.oidcAreasClaim,
        sourceSystems: configuration.oidcSourceSystemsClaim,
      },
    });
  }

  get issuer(): string {
    return this.settings.issuer;
  }

  /** The principal the token names, or why it is not acceptable (401), or that the issuer's keys cannot be read now (503). */
  async verify(token: string): Promise<TokenReading> {
    const remembered = this.verified.get(token);
    if (remembered && Date.now() < remembered.until) return remembered.reading;
    this.verified.delete(token);
    const reading = await this.verifyAfresh(token);
    if (reading.ok) this.remember(token, reading);
    return reading;
  }

  /** Until the sooner of its expiry and REMEMBERED_FOR_MS from now. */
  private remember(token: string, reading: PrincipalReading): void {
    const expiresAt = Number(decodeJwt(token).exp) * 1000;
    if (this.verified.size >= REMEMBERED_AT_MOST) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { reading, until: Math.min(expiresAt, Date.now() + REMEMBERED_FOR_MS) });
  }

  private async verifyAfresh(token: string): Promise<TokenReading> {
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.settings.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload, this.settings.claimNames ?? DEFAULT_CLAIM_NAMES);
    } catch (error) {
      if (error instanceof DiscoveryError || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isNetworkFailure(error)) {
        return { ok: false, issuerUnavailable: true, problem: `the issuer's keys could not be read: ${(error as Error).message}` };
      }
      return { ok: false, problem: whyRefused(error) };
    }
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.jwksUrl().then((url) => createRemoteJWKSet(new URL(url), { cooldownDuration: (this.settings.jwksCooldownSeconds ?? 30) * 1000, timeoutDuration: 5_000 }));
    // A failed discovery is tried again on the next request rather than remembered.
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  private async jwksUrl(): Promise<string> {
    if (this.settings.jwksUrl) return this.settings.jwksUrl;
    const discovery = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new DiscoveryError(`the issuer's discovery document ${discovery} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== this.settings.issuer) throw new DiscoveryError(`the discovery document names issuer ${String(document.issuer)}, not ${this.settings.issuer}`);
    if (typeof document.jwks_uri !== 'string') throw new DiscoveryError('the discovery document gives no jwks_uri');
    return document.jwks_uri;
  }
}

export type TokenReading = PrincipalReading | { ok: false; issuerUnavailable: true; problem: string };

class DiscoveryError extends Error {}

/** fetch's own failure (refused, reset, DNS), as opposed to a token that does not verify. */
const isNetworkFailure = (error: unknown): boolean => error instanceof TypeError && error.message === 'fetch failed';

function whyRefused(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not acceptable: ${error.reason === 'check_failed' ? 'it does not match' : error.reason}`;
  if (error instanceof errors.JWKSNoMatchingKey) return "the token is signed with a key the issuer does not publish (unknown key id)";
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) return 'the token is not a well-formed signed JWT';
  return `the token could not be verified: ${error instanceof Error ? error.message : String(error)}`;
}
