import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import type { Role } from '@case-journey/access';
import type { Agency } from '@case-journey/domain';

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

export interface TestIdentity {
  subject?: string;
  roles?: readonly Role[];
  agency?: Agency;
  areas?: readonly string[];
  sourceSystems?: readonly string[];
}

export interface TokenOptions {
  audience?: string;
  /** Seconds from now; negative for a token already expired. */
  expiresIn?: number;
  /** Sign with a key the issuer does not publish. */
  unpublishedKey?: boolean;
}

export const TEST_AUDIENCE = 'api://case-journey-test';

/**
 * A stand-in OpenID issuer for fast tests: its discovery document and JWKS served over HTTP on an
 * ephemeral port, and tokens minted with jose. The API verifies them exactly as it verifies a real
 * issuer's (the dev provider's end-to-end test proves that path with oidc-provider itself).
 */
export class TestIssuer {
  private readonly published: SigningKey[] = [];
  private unpublished?: SigningKey;
  private server?: Server;
  issuer = '';
  /** How many times the key set was fetched: a rotation is seen as one more. */
  jwksFetches = 0;

  static async start(): Promise<TestIssuer> {
    const issuer = new TestIssuer();
    await issuer.listen();
    await issuer.rotate();
    return issuer;
  }

  /**
   * The environment of a test API signed in through this issuer: the issuer and audience, and logs
   * kept to warnings so a test run's output stays readable (`LOG_LEVEL` asks for more).
   */
  get environment(): Record<string, string> {
    return { OIDC_ISSUER: this.issuer, OIDC_AUDIENCE: TEST_AUDIENCE, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  }

  /** Publishes a new signing key and signs with it from now on; the old keys stay published. */
  async rotate(): Promise<void> {
    this.published.push(await signingKey(`test-key-${this.published.length + 1}`));
  }

  async token(identity: TestIdentity, options: TokenOptions = {}): Promise<string> {
    const key = options.unpublishedKey ? (this.unpublished ??= await signingKey('never-published')) : this.published[this.published.length - 1];
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      roles: identity.roles ?? [],
      ...(identity.agency && { agency: identity.agency }),
      areas: identity.areas ?? [],
      source_systems: identity.sourceSystems ?? [],
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? TEST_AUDIENCE)
      .setSubject(identity.subject ?? `${identity.roles?.[0] ?? 'nobody'}.${identity.agency ?? 'none'}`.toLowerCase())
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .sign(key.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async listen(): Promise<void> {
    this.server = createServer((request, response) => {
      const send = (body: object) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.url === '/.well-known/openid-configuration') return send({ issuer: this.issuer, jwks_uri: `${this.issuer}/jwks` });
      if (request.url === '/jwks') {
        this.jwksFetches++;
        return send({ keys: this.published.map((key) => key.publicJwk) });
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}
