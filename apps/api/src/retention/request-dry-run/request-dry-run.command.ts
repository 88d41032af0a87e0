import type { AuditSubject } from '../../audit/audit-subject';

export class RequestDryRunCommand {
  constructor(readonly by: AuditSubject) {}
}
