import { ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { WebPages } from '../http/web-pages';
import { loadWebConfiguration } from '../web-configuration';
import { OidcSignIn } from './oidc-sign-in';
import { SignInController } from './sign-in.controller';

describe('signing in', () => {
  it('given an identity provider that cannot be reached, says the sign-in service is unavailable (503) and keeps no half-started sign-in', async () => {
    // A port nothing listens on: the provider's discovery is refused.
    const configuration = loadWebConfiguration({ OIDC_ISSUER: 'http://127.0.0.1:9' });
    const controller = new SignInController(new OidcSignIn(configuration), {} as WebPages, configuration);
    const request = { session: {} } as unknown as Request;
    const failure = await controller.start(request, {} as Response, '/worklist').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceUnavailableException);
    expect((failure as ServiceUnavailableException).message).toBe('The sign-in service could not be reached. Try again in a few minutes.');
    expect(request.session.signIn).toBeUndefined();
  });
});
