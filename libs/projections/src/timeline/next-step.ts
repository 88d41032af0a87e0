import { progressAlong, type Agency, type CaseEvent } from '@case-journey/domain';

/** Sentences after which Probation manages the offender. */
const SUPERVISED = new Set(['custody', 'suspended-sentence', 'community-order', 'hospital-order']);

/** The next step of the case: who holds it and what it is. A new step begins a new wait, even with the same agency. */
export interface NextStep {
  agency: Agency;
  step: string;
}

/**
 * Who holds the next step after each of a case's events, given in business-time order with their
 * corrections applied. An event that may end the case's journey (a decision not to charge, an
 * acquittal, a sentence…) ends it only when the domain says so: once the case as it stands then is
 * closed (`caseStateFrom(...).closure` of the events up to it), or sentenced; an acquittal on one
 * charge while a conviction on another stands passes nothing on. The case is folded once, along
 * the events, and only when one of those few events is among them.
 */
export function nextSteps(events: readonly CaseEvent[]): Array<NextStep | null | undefined> {
  let progress: ReturnType<typeof progressAlong> | undefined;
  return events.map((event, i) => {
    const next = nextStepAfter(event);
    if (next !== null) return next;
    const { closure, stage } = (progress ??= progressAlong(events))[i];
    return closure !== null || stage === 'post-sentence' ? null : undefined;
  });
}

const step = (agency: Agency, what: string): NextStep => ({ agency, step: what });

/**
 * The case's next step once this happened, by the event alone: null when it may leave nobody
 * holding it (see `nextSteps`), undefined when the event does not pass the case on (victim care,
 * notices). A listing moves the wait on from listing the case to holding the hearing.
 */
function nextStepAfter(event: CaseEvent): NextStep | null | undefined {
  switch (event.type) {
    case 'CrimeReported':
    case 'SuspectEventRecorded':
      return step('Police', 'investigation');
    case 'FileSubmittedToCps':
      return step('CPS', 'file review');
    case 'FileReviewed':
      return event.data.outcome === 'returned' ? step('Police', 'file resubmission') : step('CPS', 'charging decision');
    case 'ChargeDecisionMade':
      return event.data.decision === 'charge' ? step('HMCTS', 'listing') : null;
    case 'HearingListed':
      return step('HMCTS', 'hearing');
    case 'HearingHeld':
    case 'PleaEntered':
      return step('HMCTS', 'court outcome');
    case 'AppealLodged':
      return step('HMCTS', 'appeal');
    case 'VerdictReached':
      return event.data.verdict === 'convicted' ? step('HMCTS', 'sentence') : null;
    case 'SentencePassed':
      return SUPERVISED.has(event.data.disposal) ? step('Probation', 'supervision') : null;
    case 'InvestigationNotPursued':
    case 'ProsecutionEnded':
    case 'AppealDecided':
      return null;
    default:
      return undefined;
  }
}
