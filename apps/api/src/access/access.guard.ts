import { CanActivate, ExecutionContext, ForbiddenException, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { grantFor, isPermission, PUBLIC_PRINCIPAL, type Principal } from '@case-journey/access';
import type { Request, Response } from 'express';
import type { GrantedRequest } from './caller.decorator';
import { REQUIRED_PERMISSION } from './requires.decorator';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * The one guard every route passes. It reads the route's permission, identifies the caller from
 * their bearer token (none: the public), and asks the access policy table whether their roles grant
 * it: 401 without an acceptable token, 403 without a role that is granted it. A route that names no
 * permission is refused, so a forgotten decorator fails closed. The grant, with its scope, goes on
 * the request for the handlers, which apply the scope to what they read and write.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<unknown>(REQUIRED_PERMISSION, [context.getHandler(), context.getClass()]);
    if (!isPermission(permission)) throw new ForbiddenException('This route declares no permission of the access policy');

    const http = context.switchToHttp();
    const request = http.getRequest<Request & GrantedRequest & { principal?: Principal }>();
    const principal = await this.identify(request, http.getResponse<Response>());
    request.principal = principal;
    const decision = grantFor(principal, permission);
    if (!decision.granted) {
      if (decision.status === 401) this.challenge(http.getResponse<Response>());
      throw decision.status === 401 ? new UnauthorizedException(decision.reason) : new ForbiddenException(decision.reason);
    }
    request.grant = decision.grant;
    return true;
  }

  private async identify(request: Request, response: Response): Promise<Principal> {
    const authorization = request.headers.authorization;
    if (authorization === undefined) return PUBLIC_PRINCIPAL;
    const token = BEARER.exec(authorization.trim())?.[1];
    if (!token) {
      this.challenge(response, 'invalid_request', 'the Authorization header must be "Bearer <JWT>"');
      throw new UnauthorizedException('The Authorization header must be "Bearer <JWT>"');
    }
    const reading = await this.tokens.verify(token);
    if (reading.ok) return reading.principal;
    if ('issuerUnavailable' in reading) {
      response.setHeader('Retry-After', '5');
      throw new ServiceUnavailableException(`Sign-in is unavailable: ${reading.problem}`);
    }
    this.challenge(response, 'invalid_token', reading.problem);
    throw new UnauthorizedException(`The bearer token is not accepted: ${reading.problem}`);
  }

  /** RFC 6750: a 401 tells the client which scheme to use, and why its token failed. */
  private challenge(response: Response, error?: string, description?: string): void {
    const parts = [`realm="case-journey"`, ...(error ? [`error="${error}"`, `error_description="${(description ?? '').replace(/["\\]/g, "'")}"`] : [])];
    response.setHeader('WWW-Authenticate', `Bearer ${parts.join(', ')}`);
  }
}
