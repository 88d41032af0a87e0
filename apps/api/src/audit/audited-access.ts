import type { AccessPurpose, AuditAction } from '@case-journey/access';

/** The request as an audited route sees it: its path and query parameters. */
export interface AuditedRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
}

/** Which victims' data a successful answer showed: the cases (and victim, and purpose) to record. */
export interface AccessShown {
  caseIds: string[];
  victimId?: string;
  purpose?: AccessPurpose;
}

export type AccessOf<Answer> = (request: AuditedRequest, answer: Answer) => AccessShown;

export const AUDITED_ACCESS = 'case-journey:audited-access';

export interface AuditedAccess<Answer = unknown> {
  action: AuditAction;
  accessOf: AccessOf<Answer>;
}
