import type { AuditSubject } from '../audit/audit-subject';
import type { DryRunListing, ErasureOutcome, RetentionJobName, RetentionProgress } from './retention-queue';

/** A retention job as its routes show it. */
export interface RetentionRun {
  jobId: string;
  kind: RetentionJobName;
  /** BullMQ's state: waiting, active, completed, failed… */
  state: string;
  requestedBy: AuditSubject;
  requestedAt: string;
  cutoff: string;
  progress: RetentionProgress | null;
  /** A dry run's listing (its victims paged by offset and limit), or an erasure's outcome, once completed. */
  result: (Omit<DryRunListing, 'victims'> & { total: number; offset: number; victims: DryRunListing['victims'] }) | ErasureOutcome | null;
  failedReason: string | null;
}
