import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The request's id (its X-Request-Id, given by `assignRequestId` before anything else runs), for a
 * handler to pass on to what it records. Passed, not read from an AsyncLocalStorage: on Node 20 any
 * store in use turns on promise hooks for every promise of every request, which cost 9–14 % of a
 * write's CPU (README, "The write's gap").
 */
export const RequestId = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const { id } = context.switchToHttp().getRequest<{ id?: unknown }>();
  return typeof id === 'string' ? id : undefined;
});
