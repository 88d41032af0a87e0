import { humanise, londonDate, londonDateTime } from '../../http/london-time';
import { REASON_MAX_LENGTH } from '../erasure-reason';
import type { FormErrors } from '../form-errors';

interface RetentionCandidate {
  victimId: string;
  cases: Array<{ caseId: string; urn?: string | null; closure: { reason: string; at: string } }>;
}

/** GET /retention/dry-runs/:jobId and GET /retention/erasures/:jobId: a retention job, and once completed its listing or outcome. */
export interface RetentionRunAnswer {
  jobId: string;
  kind: 'dry-run' | 'erasure';
  state: string;
  requestedBy: { subject: string; agency: string | null };
  requestedAt: string;
  cutoff: string;
  progress: { done: number; of: number | null } | null;
  result:
    | { cutoff: string; casesRead: number; total: number; offset: number; victims: RetentionCandidate[] }
    | { dryRunId: string; erased: string[]; skipped: Array<{ victimId: string; why: string }> }
    | null;
  failedReason: string | null;
}

/** Victims of a dry run's listing shown on one page. */
export const LISTING_PAGE = 50;

const dryRunPath = (jobId: string) => `/retention/dry-runs/${encodeURIComponent(jobId)}`;

/** Where a job stands, as the progress bar and its words show it: a whole percentage of the cases read. */
export function jobProgress(run: RetentionRunAnswer) {
  const completed = run.state === 'completed';
  const failed = run.state === 'failed';
  const { done = 0, of = null } = run.progress ?? {};
  const percent = completed ? 100 : of ? Math.min(100, Math.floor((done / of) * 100)) : 0;
  const stateText = completed
    ? 'Finished.'
    : failed
      ? `Failed: ${run.failedReason ?? 'no reason given'}. Start it again.`
      : run.progress
        ? `${humanise(run.state)}: ${done} of ${of ?? 'all'} ${run.kind === 'dry-run' ? 'cases read' : 'victims checked'}.`
        : `${humanise(run.state)}.`;
  return { percent, finished: completed || failed, completed, failed, stateText };
}

/** A dry run's page: its progress, then the victims it lists (a page at a time), and the erasure of the listing with its reason. */
export function dryRunViewModel(run: RetentionRunAnswer, reason = '', errors?: FormErrors) {
  const listing = run.result && 'victims' in run.result ? run.result : undefined;
  const page = (offset: number) => `${dryRunPath(run.jobId)}?offset=${offset}`;
  return {
    pageTitle: 'Retention dry run',
    jobId: run.jobId,
    path: dryRunPath(run.jobId),
    progressPath: `${dryRunPath(run.jobId)}/progress.json`,
    requested: `${londonDateTime(run.requestedAt)} by ${run.requestedBy.subject}`,
    cutoff: londonDate(run.cutoff),
    ...jobProgress(run),
    listing: listing && {
      total: listing.total,
      empty: listing.total === 0,
      summary:
        listing.total === 0
          ? `No victim is held past the retention period: none of the ${listing.casesRead} cases read has every case of a victim closed before ${londonDate(listing.cutoff)}. There is nothing to erase.`
          : `${listing.total} ${listing.total === 1 ? 'victim is' : 'victims are'} held past the retention period: every case that registers them closed before ${londonDate(listing.cutoff)} (${listing.casesRead} cases read).`,
      shown: listing.victims.length ? `Victims ${listing.offset + 1} to ${listing.offset + listing.victims.length} of ${listing.total}` : '',
      rows: listing.victims.map((victim) => ({
        victimId: victim.victimId,
        cases: victim.cases.map((closed) => ({
          caseId: closed.caseId,
          urn: closed.urn ?? closed.caseId,
          closure: `${humanise(closed.closure.reason)}, ${londonDate(closed.closure.at)}`,
        })),
      })),
      previous: listing.offset > 0 ? page(Math.max(0, listing.offset - LISTING_PAGE)) : undefined,
      next: listing.offset + listing.victims.length < listing.total ? page(listing.offset + LISTING_PAGE) : undefined,
    },
    reason,
    reasonMaxLength: REASON_MAX_LENGTH,
    errorList: errors?.errorList,
    errors: errors?.byField ?? {},
  };
}

/** A retention erasure's page: its progress, then whom it erased and whom it skipped, with why. */
export function retentionErasureViewModel(run: RetentionRunAnswer) {
  const outcome = run.result && 'erased' in run.result ? run.result : undefined;
  return {
    pageTitle: 'Retention erasure',
    jobId: run.jobId,
    path: `/retention/erasures/${encodeURIComponent(run.jobId)}`,
    progressPath: `/retention/erasures/${encodeURIComponent(run.jobId)}/progress.json`,
    requested: `${londonDateTime(run.requestedAt)} by ${run.requestedBy.subject}`,
    ...jobProgress(run),
    outcome: outcome && {
      dryRunPath: dryRunPath(outcome.dryRunId),
      summary: `${outcome.erased.length} ${outcome.erased.length === 1 ? 'victim’s' : 'victims’'} personal data erased; ${outcome.skipped.length} skipped.`,
      erased: outcome.erased,
      skipped: outcome.skipped,
    },
  };
}
