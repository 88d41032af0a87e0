import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from './access-policy';

/** The caller the AccessGuard identified. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
