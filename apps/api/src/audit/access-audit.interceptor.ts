import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import { AUDIT_LOG, type AuditLog } from '@case-journey/access';
import { CLOCK, type Clock } from '@case-journey/platform';
import type { Principal } from '@case-journey/access';
import { auditSubjectOf } from './audit-subject';
import { AUDITED_ACCESS, type AuditedAccess, type AuditedRequest } from './audited-access';

/**
 * The one mechanism by which reads of victims' data are audited: for a route marked `@Audited`, the
 * answer is held until its entry is stored in the audit log. If the log cannot be written, the
 * answer is not given (503): nothing is shown that is not recorded.
 */
@Injectable()
export class AccessAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const audited = this.reflector.get<AuditedAccess | undefined>(AUDITED_ACCESS, context.getHandler());
    if (!audited) return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest & { principal?: Principal }>();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        await recordAccess(this.log, this.clock, audited, request, answer);
        return answer;
      }),
    );
  }
}

/**
 * Records in the audit log who saw which cases' victims in `answer`, and why (nothing for an answer
 * that shows no case), or refuses with 503 when the entry cannot be stored: nothing is shown that
 * is not recorded. The one mechanism of the audit: the interceptor of `@Audited` routes runs it, and
 * so does the worklist, the busiest audited read, in its handler, sparing it Nest's interceptor chain.
 */
export async function recordAccess<Answer>(
  log: AuditLog,
  clock: Clock,
  audited: AuditedAccess<Answer>,
  request: AuditedRequest & { principal?: Principal },
  answer: Answer,
): Promise<void> {
  const shown = audited.accessOf(request, answer);
  if (shown.caseIds.length === 0) return;
  const { subject, agency } = auditSubjectOf(request);
  try {
    await log.record([
      {
        at: clock.now().toISOString(),
        subject,
        agency,
        action: audited.action,
        caseIds: [...new Set(shown.caseIds)],
        victimId: shown.victimId ?? null,
        purpose: shown.purpose ?? null,
        reason: null,
      },
    ]);
  } catch (error) {
    throw new ServiceUnavailableException(`The audit log could not be written, so nothing is shown: ${error instanceof Error ? error.message : String(error)}`);
  }
}
