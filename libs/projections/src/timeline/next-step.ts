import type { Agency, CaseEvent } from '@case-journey/domain';

/** Sentences after which Probation manages the offender. */
const SUPERVISED = new Set(['custody', 'suspended-sentence', 'community-order', 'hospital-order']);

/**
 * Which agency holds the case's next step once this happened: an agency, null when nobody does
 * (the case is closed), undefined when the event does not pass the case on (victim care, notices).
 */
export function nextStepAfter(event: CaseEvent): Agency | null | undefined {
  switch (event.type) {
    case 'CrimeReported':
    case 'SuspectEventRecorded':
      return 'Police';
    case 'FileSubmittedToCps':
      return 'CPS';
    case 'FileReviewed':
      return event.data.outcome === 'returned' ? 'Police' : 'CPS';
    case 'ChargeDecisionMade':
      return event.data.decision === 'charge' ? 'HMCTS' : null;
    case 'HearingListed':
    case 'HearingHeld':
    case 'PleaEntered':
    case 'AppealLodged':
      return 'HMCTS';
    case 'VerdictReached':
      return event.data.verdict === 'convicted' ? 'HMCTS' : null;
    case 'SentencePassed':
      return SUPERVISED.has(event.data.disposal) ? 'Probation' : null;
    case 'InvestigationNotPursued':
    case 'ProsecutionEnded':
    case 'AppealDecided':
      return null;
    default:
      return undefined;
  }
}
