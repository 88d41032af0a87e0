import type { Role } from '@case-journey/access';

/** Who is signed in, as their access token's claims say, and the tokens the API calls carry. */
export interface SignedInUser {
  subject: string;
  name: string;
  roles: Role[];
  agency?: string;
  areas: string[];
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

/** The sign-in in progress: what the callback must find again (state, nonce, PKCE verifier). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

declare module 'express-session' {
  interface SessionData {
    user?: SignedInUser;
    signIn?: PendingSignIn;
    /** A message for the next page: what the form just sent did. */
    flash?: { title: string; text: string };
  }
}

/**
 * The claims the pages are arranged by (which start page, which navigation). Read from the access
 * token without checking it: the API checks it on every call, and decides every access.
 */
export function claimsOf(accessToken: string): Pick<SignedInUser, 'subject' | 'roles' | 'agency' | 'areas'> {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  return {
    subject: String(payload.sub ?? ''),
    roles: list(payload.roles) as Role[],
    ...(typeof payload.agency === 'string' && { agency: payload.agency }),
    areas: list(payload.areas),
  };
}

/** A sign-in may return only to a path of this app, never to another site. */
export function safeReturnPath(candidate: unknown): string {
  return typeof candidate === 'string' && /^\/(?![/\\])/.test(candidate) ? candidate : '/';
}
