import type { Agency } from '@case-journey/domain';
import type { Obligation } from '@case-journey/victims-code';
import type { CaseObligations } from '../obligations/case-obligations';

/** Someone must be told: an obligation's deadline passed unmet. */
export interface Notification {
  /** `breach/{obligation id}`: one notification per breach, however often its job runs. */
  id: string;
  kind: 'obligation-breached';
  raisedAt: string;
  caseId: string;
  urn: string | null;
  area: string | null;
  victimId: string;
  obligationId: string;
  ruleId: string;
  right: number;
  responsible: Agency;
  rights: 'standard' | 'enhanced';
  dueAt: string;
  /**
   * Its deadline had passed more than HISTORICAL_BREACH_HOURS before the worker first saw it (a
   * first catch-up on old data, or a record made long after the fact): listed, not pushed.
   */
  historical?: true;
}

export function breachNotification(obligation: Obligation, reading: CaseObligations, raisedAt: Date): Notification {
  return {
    id: `breach/${obligation.id}`,
    kind: 'obligation-breached',
    raisedAt: raisedAt.toISOString(),
    caseId: reading.caseId,
    urn: reading.urn,
    area: reading.area,
    victimId: obligation.victimId,
    obligationId: obligation.id,
    ruleId: obligation.ruleId,
    right: obligation.right,
    responsible: obligation.responsible,
    rights: obligation.rights,
    dueAt: obligation.dueAt ?? raisedAt.toISOString(),
  };
}
