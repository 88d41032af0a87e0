import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { WebExceptionFilter } from './http/web-exception.filter';
import { SessionRedis } from './http/session';
import { WebPages } from './http/web-pages';
import { PAGE_CONTROLLERS } from './pages';
import { OidcSignIn } from './sign-in/oidc-sign-in';
import { SignInController } from './sign-in/sign-in.controller';
import { SignedInGuard } from './sign-in/signed-in.guard';
import { ApiForUser } from './api/api-for-user';
import { HandoffDescriptionsSource } from './api/handoff-descriptions';
import type { WebConfiguration } from './web-configuration';
import { WEB_CLOCK, WEB_CONFIGURATION, type WebClock } from './web-tokens';

export interface WebOverrides {
  clock?: WebClock;
}

/** The web app: sign-in, and one controller per page, each calling the API as the signed-in user. */
@Module({})
export class WebModule {
  static forRoot(configuration: WebConfiguration, overrides: WebOverrides = {}): DynamicModule {
    return {
      module: WebModule,
      controllers: [SignInController, ...(PAGE_CONTROLLERS as Type[])],
      providers: [
        { provide: WEB_CONFIGURATION, useValue: configuration },
        { provide: WEB_CLOCK, useValue: overrides.clock ?? { now: () => new Date() } },
        { provide: APP_FILTER, useClass: WebExceptionFilter },
        WebPages,
        SessionRedis,
        OidcSignIn,
        SignedInGuard,
        ApiForUser,
        HandoffDescriptionsSource,
      ],
    };
  }
}
