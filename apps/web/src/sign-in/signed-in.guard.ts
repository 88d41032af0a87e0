import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { OidcSignIn } from './oidc-sign-in';

/** Thrown when a page needs a signed-in user: the filter sends the browser to sign in, then back. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('Sign in to see this page');
  }
}

/** Lets a request through with a live access token, refreshing it when it is about to expire. */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly signIn: OidcSignIn) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const user = request.session.user;
    const returnTo = request.method === 'GET' ? request.originalUrl : '/';
    if (!user) throw new SignInRequired(returnTo);
    if (user.expiresAt - 60_000 > Date.now()) return true;
    const refreshed = await this.signIn.refresh(user);
    if (!refreshed) throw new SignInRequired(returnTo);
    request.session.user = refreshed;
    return true;
  }
}
