import type { Agency, CaseEventType } from '@case-journey/domain';
import type { Confidence } from '../rulebook/rulebook';

export const OBLIGATION_STATUSES = ['pending', 'due-soon', 'met', 'met-late', 'breached', 'not-applicable'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** Where the clock start came from: the trigger itself, its receivedAt, or the WCU's CourtNoticeReceived. */
export const CLOCK_SOURCES = ['occurred-at', 'received-at', 'court-notice'] as const;
export type ClockSource = (typeof CLOCK_SOURCES)[number];

export const NOT_APPLICABLE_REASONS = ['opted-out', 'no-consent', 'excluded'] as const;
export type NotApplicableReason = (typeof NOT_APPLICABLE_REASONS)[number];

/**
 * One thing an agency owes one victim under the Code, and where it stands. Plain JSON: instants
 * are ISO-8601 UTC strings, absent values are null.
 */
export interface Obligation {
  /** `${caseId}/${victimId}/${ruleId}/${triggerEventId}`, each part URI-encoded: deterministic, never contains ':'. */
  id: string;
  caseId: string;
  victimId: string;
  ruleId: string;
  right: number;
  rulebookId: string;
  confidence: Confidence;
  /** 'deadline' obligations count towards compliance; 'touchpoint' ones are tracked met or not, without a timer. */
  kind: 'deadline' | 'touchpoint';
  responsible: Agency;
  triggerEventId: string;
  triggerType: CaseEventType;
  /** When the trigger happened (its occurredAt). */
  triggeredAt: string;
  clockStartedAt: string;
  clockSource: ClockSource;
  /** The event the clock was read from: the trigger, or the CourtNoticeReceived. */
  clockEventId: string;
  /** Receipt clocks: working days from the trigger to the responsible agency's receipt (court to WCU: 5 expected); else null. */
  handoffWorkingDays: number | null;
  rights: 'standard' | 'enhanced';
  workingDays: number | null;
  /** Inclusive: the last millisecond (London) of the deadline day. */
  dueAt: string | null;
  status: ObligationStatus;
  satisfiedByEventId: string | null;
  satisfiedAt: string | null;
  /** Working days late (met-late: at the touchpoint; breached: as of now); 0 when met on time; null otherwise. */
  lateWorkingDays: number | null;
  notApplicable: { reason: NotApplicableReason; detail: string } | null;
}
