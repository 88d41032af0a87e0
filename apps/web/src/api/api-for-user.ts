import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { WEB_CONFIGURATION } from '../web-tokens';
import type { WebConfiguration } from '../web-configuration';
import { ApiClient } from './api-client';

/** The API client of the request's signed-in user (or of nobody, for the public pages). */
@Injectable()
export class ApiForUser {
  constructor(@Inject(WEB_CONFIGURATION) private readonly configuration: WebConfiguration) {}

  of(request: Request): ApiClient {
    return new ApiClient(this.configuration.apiUrl, request.session?.user?.accessToken, this.configuration.apiTimeoutMs);
  }

  /** The API as the public sees it: no token. */
  anonymous(): ApiClient {
    return new ApiClient(this.configuration.apiUrl, undefined, this.configuration.apiTimeoutMs);
  }
}
