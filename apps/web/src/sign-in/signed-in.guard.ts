import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { OidcSignIn } from './oidc-sign-in';

/** Thrown when a page needs a signed-in user: the filter sends the browser to sign in, then back. */
export class SignInRequired extends Error {
  constructor(
    readonly returnTo: string,
    /** The user was signed in, but their sign-in ran out and could not be renewed. */
    readonly expired = false,
  ) {
    super('Sign in to see this page');
  }
}

/** Refreshed this long before the access token expires, so that no call to the API carries an expired one. */
const REFRESH_BEFORE_MS = 60_000;

/** Lets a request through with a live access token, refreshing it with the refresh token when it is about to expire; otherwise off to sign in again. */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly signIn: OidcSignIn) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const user = request.session.user;
    const returnTo = request.method === 'GET' ? request.originalUrl : '/';
    if (!user) throw new SignInRequired(returnTo);
    if (user.expiresAt - REFRESH_BEFORE_MS > Date.now()) return true;
    const refreshed = await this.signIn.refresh(user);
    if (!refreshed) throw new SignInRequired(returnTo, true);
    request.session.user = refreshed;
    return true;
  }
}
