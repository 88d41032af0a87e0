import { caseStateFrom, type Agency, type CaseEvent } from '@case-journey/domain';

/** Sentences after which Probation manages the offender. */
const SUPERVISED = new Set(['custody', 'suspended-sentence', 'community-order', 'hospital-order']);

/**
 * Who holds the next step after each of a case's events, given in business-time order with their
 * corrections applied. An event that may end the case's journey (a decision not to charge, an
 * acquittal, a sentence…) ends it only when the domain says so: once the case as it stands then is
 * closed (`caseStateFrom(...).closure`), or sentenced; an acquittal on one charge while a conviction
 * on another stands passes nothing on. Only those few events cost a fold of the case.
 */
export function nextSteps(events: readonly CaseEvent[]): Array<Agency | null | undefined> {
  return events.map((event, i) => {
    const next = nextStepAfter(event);
    if (next !== null) return next;
    const { closure, stage } = caseStateFrom(events.slice(0, i + 1));
    return closure !== null || stage === 'post-sentence' ? null : undefined;
  });
}

/**
 * Which agency holds the case's next step once this happened, by the event alone: an agency, null
 * when it may leave nobody holding it (see `nextSteps`), undefined when the event does not pass
 * the case on (victim care, notices).
 */
function nextStepAfter(event: CaseEvent): Agency | null | undefined {
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
