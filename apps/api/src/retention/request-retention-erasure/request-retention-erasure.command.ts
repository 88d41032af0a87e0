import type { AuditSubject } from '../../audit/audit-subject';

export class RequestRetentionErasureCommand {
  constructor(
    readonly dryRunId: string,
    readonly reason: string,
    readonly by: AuditSubject,
  ) {}
}
