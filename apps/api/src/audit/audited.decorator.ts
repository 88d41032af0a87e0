import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import type { AuditAction } from '@case-journey/access';
import { AccessAuditInterceptor } from './access-audit.interceptor';
import { AUDITED_ACCESS, type AccessOf, type AuditedAccess } from './audited-access';

export { AUDITED_ACCESS, type AccessOf, type AccessShown, type AuditedAccess, type AuditedRequest } from './audited-access';

/**
 * Marks a route whose answer shows victims' data: the AccessAuditInterceptor records who saw which
 * cases' victims, and why, in the audit log before the answer leaves. An answer that shows no case
 * (an empty worklist page) records nothing. The interceptor is the route's own, not every route's:
 * each interceptor Nest runs costs a request an rxjs chain and an async resource.
 */
export const Audited = <Answer>(action: AuditAction, accessOf: AccessOf<Answer>) =>
  applyDecorators(SetMetadata(AUDITED_ACCESS, { action, accessOf } satisfies AuditedAccess<Answer>), UseInterceptors(AccessAuditInterceptor));
