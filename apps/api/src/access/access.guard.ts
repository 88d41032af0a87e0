import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy, type Permission, type Principal } from './access-policy';
import { REQUIRED_PERMISSION } from './requires.decorator';

export const PUBLIC_ROUTE = 'case-journey:public-route';

/**
 * The one guard every route passes. It identifies the caller through the AccessPolicy and checks
 * the permission the route declares; a route that declares none (and is not marked public) is
 * refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission>(REQUIRED_PERMISSION, targets);
    if (!permission) throw new ForbiddenException('This route declares no permission');

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; principal?: Principal }>();
    const principal = this.policy.identify(request);
    if (!principal) throw new UnauthorizedException('No acceptable identity on the request');
    if (!this.policy.allows(principal, permission)) throw new ForbiddenException(`Needs ${permission}`);
    request.principal = principal;
    return true;
  }
}
