import type { ErasureBasis } from '@case-journey/domain';

/** What an erasure did, case by case. */
export interface VictimErasure {
  victimId: string;
  basis: ErasureBasis;
  cases: Array<{
    caseId: string;
    /** The case's unique reference number, by which the agencies know it; null for a case with none recorded. */
    urn: string | null;
    /** The VictimDataErased event on that case. */
    eventId: string;
    /** True when the case already recorded the erasure (a repeated request finishes what was left undone). */
    alreadyRecorded: boolean;
  }>;
  /** The victim's key is destroyed: every sealed copy of their details, in every event, is unreadable. */
  keyDestroyed: true;
  /** Breach notifications about the victim deleted. */
  notificationsRemoved: number;
  /** Whether the read models have forgotten the victim yet; 'pending' until the projections read the erasure. */
  readModels: 'forgotten' | 'pending';
}
