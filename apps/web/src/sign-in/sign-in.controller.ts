import { Controller, Get, Inject, Post, Query, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebPages } from '../http/web-pages';
import { startPageOf } from '../http/navigation';
import { SESSION_COOKIE } from '../http/session';
import { WEB_CONFIGURATION } from '../web-tokens';
import type { WebConfiguration } from '../web-configuration';
import { OidcSignIn } from './oidc-sign-in';
import { safeReturnPath } from './signed-in-user';

const regenerate = (request: Request) => new Promise<void>((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
const save = (request: Request) => new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));

/** Sign-in (the authorization code flow with PKCE), its callback, and sign-out. */
@Controller()
export class SignInController {
  constructor(
    private readonly signIn: OidcSignIn,
    private readonly pages: WebPages,
    @Inject(WEB_CONFIGURATION) private readonly configuration: WebConfiguration,
  ) {}

  @Get('sign-in')
  page(@Req() request: Request, @Res() response: Response, @Query('returnTo') returnTo?: string, @Query('expired') expired?: string): void {
    const demoLogins = this.configuration.demoLogins.map((login) => ({ login, label: demoLabel(login) }));
    this.pages.send(request, response, 'sign-in/sign-in.njk', { returnTo: safeReturnPath(returnTo), demoLogins, expired: expired === '1' });
  }

  /** Off to the issuer; a demo login is passed as `login_hint`, which the dev provider fills in. */
  @Get('sign-in/start')
  async start(@Req() request: Request, @Res() response: Response, @Query('returnTo') returnTo?: string, @Query('login') login?: string): Promise<void> {
    const hint = typeof login === 'string' && this.configuration.demoLogins.includes(login) ? login : undefined;
    const { url, pending } = await this.signIn.start(safeReturnPath(returnTo), hint).catch(() => {
      throw new ServiceUnavailableException('The sign-in service could not be reached. Try again in a few minutes.');
    });
    request.session.signIn = pending;
    await save(request);
    response.redirect(303, url);
  }

  @Get('auth/callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = request.session.signIn;
    if (!pending) {
      this.pages.send(request, response, 'pages/error.njk', { status: 400, title: 'Sign in again', detail: 'This sign-in had expired or was started elsewhere.', signInAgain: true }, 400);
      return;
    }
    let user;
    try {
      user = await this.signIn.finish(request.originalUrl, pending);
    } catch (error) {
      delete request.session.signIn;
      this.pages.send(request, response, 'pages/error.njk', { status: 400, title: 'You could not be signed in', detail: error instanceof Error ? error.message : String(error), signInAgain: true }, 400);
      return;
    }
    // A new session id on sign-in, so an id planted before it is worth nothing (session fixation).
    await regenerate(request);
    request.session.user = user;
    await save(request);
    response.redirect(303, pending.returnTo === '/' ? startPageOf(user) : pending.returnTo);
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const idToken = request.session.user?.idToken;
    await new Promise<void>((resolve) => request.session.destroy(() => resolve()));
    response.clearCookie(SESSION_COOKIE);
    response.redirect(303, await this.signIn.signOutUrl(idToken).catch(() => '/signed-out'));
  }

  @Get('signed-out')
  signedOut(@Req() request: Request, @Res() response: Response): void {
    this.pages.send(request, response, 'sign-in/signed-out.njk', {});
  }
}

/** `case-progression/Police/Wessex` → "Case progression officer, Police, Wessex". */
function demoLabel(login: string): string {
  const [role, agency, areas] = login.split('/');
  const who: Record<string, string> = {
    'case-progression': 'Case progression officer',
    'witness-care': 'Witness care officer',
    board: 'Criminal justice board member',
    admin: 'Administrator',
    'data-protection': 'Data protection officer',
  };
  return [who[role] ?? role, agency && agency !== '-' ? agency : undefined, areas?.split(',').join(' and ')].filter(Boolean).join(', ');
}
