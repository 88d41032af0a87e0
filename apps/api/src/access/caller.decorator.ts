import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Grant } from '@case-journey/access';

export interface GrantedRequest {
  grant?: Grant;
}

/** The caller's grant for this route, as the AccessGuard found it: who they are, under which role, within which scope. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Grant => {
  const grant = context.switchToHttp().getRequest<GrantedRequest>().grant;
  if (!grant) throw new Error('No grant on the request: the AccessGuard did not run');
  return grant;
});
