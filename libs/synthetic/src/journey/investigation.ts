import type { Charge, ChargeDecider, ChargeDecision, FileKind, SuspectEventKind } from '@case-journey/domain';
import { HOUR_MS } from '../distributions';
import type { PreChargeClosure } from '../profile';
import type { Entry } from './case-log';
import type { Journey } from './journey';
import { OFFENCE_DESCRIPTIONS } from './offences';

export type PreChargeOutcome = 'charge' | 'out-of-court' | PreChargeClosure;

const SCREENED_OUT = ['no lines of enquiry', 'suspect not identified', 'not proportionate to investigate further'];
const OUT_OF_COURT = ['community resolution', 'conditional caution', 'simple caution'];

/** The police investigation up to the charging decision; the charge, when there is one. */
export function investigate(j: Journey, report: Entry): Entry | undefined {
  const outcome = preChargeOutcome(j);
  if (outcome === 'not-investigated') {
    screenOut(j, report);
    return undefined;
  }
  const released = suspectReleased(j, report);
  const decisionMs = j.after(released.occurredMs, j.profile.investigation.decisionAfter);
  switch (outcome) {
    case 'victim-withdrew':
      return victimWithdraws(j, released, decisionMs);
    case 'evidential-difficulties':
      return j.offence.cpsCharges && j.chance(0.5)
        ? decide(j, 'no-further-action', 'CPS', reviewedFile(j, 'pre-charge-advice', decisionMs, released), 'insufficient evidence for a realistic prospect of conviction')
        : decide(j, 'no-further-action', 'Police', { ms: decisionMs, entry: released }, 'evidential difficulties');
    case 'out-of-court':
      return decide(j, 'out-of-court-disposal', 'Police', { ms: decisionMs, entry: released }, j.random.pick(OUT_OF_COURT));
    case 'charge':
      return j.offence.cpsCharges ? decide(j, 'charge', 'CPS', reviewedFile(j, 'pre-charge-advice', decisionMs, released)) : policeCharge(j, decisionMs, released);
  }
}

function preChargeOutcome(j: Journey): PreChargeOutcome {
  const u = j.random.float();
  if (u < j.offence.chargeShare) return 'charge';
  if (u < j.offence.chargeShare + j.offence.outOfCourtShare) return 'out-of-court';
  return j.choose(j.profile.investigation.closedBecause);
}

function screenOut(j: Journey, report: Entry): void {
  const at = j.after(j.reportedMs, j.profile.investigation.screenedOutAfter);
  const entry = j.record('InvestigationNotPursued', { caseId: j.caseId, reason: j.random.pick(SCREENED_OUT) }, at, 'Police', report);
  j.tell('noInvestigation', 'no-investigation', { ms: at, entry });
}

/** The suspect arrested (or interviewed by appointment) and released pending a decision; the victims told of each step. */
function suspectReleased(j: Journey, report: Entry): Entry {
  const { investigation } = j.profile;
  const suspectId = j.id('S', 1);
  const step = (kind: SuspectEventKind, at: number, after: Entry): Entry => {
    const entry = j.record('SuspectEventRecorded', { caseId: j.caseId, suspectId, kind }, at, 'Police', after);
    j.tell('suspectUpdate', 'suspect-update', { ms: at, entry });
    return entry;
  };
  const identifiedMs = j.after(j.reportedMs, investigation.suspectIdentifiedAfter);
  if (!j.chance(investigation.arrested)) return step('interviewed-under-caution', identifiedMs, report);
  const arrest = step('arrested', identifiedMs, report);
  const releaseMs = identifiedMs + j.random.integer(2, 20) * HOUR_MS;
  return step(j.chance(investigation.releasedUnderInvestigation) ? 'released-under-investigation' : 'bailed', releaseMs, arrest);
}

function victimWithdraws(j: Journey, released: Entry, decisionMs: number): Entry {
  const victim = j.victimsKnownAt(decisionMs)[0] ?? j.victims[0];
  const withdrawnMs = Math.max(victim.registeredMs, Math.floor((released.occurredMs + decisionMs) / 2));
  const withdrawal = j.recordFor(victim, 'VictimWithdrewSupport', { caseId: j.caseId, victimId: victim.victimId, stage: 'investigation' }, withdrawnMs, 'Police', released);
  const at = Math.max(decisionMs, withdrawnMs + j.random.integer(1, 72) * HOUR_MS);
  return decide(j, 'no-further-action', 'Police', { ms: at, entry: withdrawal }, 'the victim does not support a prosecution');
}

/**
 * A file goes to the CPS; a share come back for missing material and are resubmitted; the CPS's
 * decision follows its acceptance.
 */
function reviewedFile(j: Journey, kind: FileKind, submittedMs: number, after: Entry): { ms: number; entry: Entry } {
  const { investigation } = j.profile;
  const { caseId } = j;
  const fileId = j.id('F', kind === 'full-file' ? 2 : 1);
  let at = submittedMs;
  let previous = after;
  for (;;) {
    const submission = j.record('FileSubmittedToCps', { caseId, fileId, kind }, at, 'Police', previous);
    at = j.after(at, investigation.cpsReview);
    if (!j.chance(investigation.fileReturned)) {
      return { ms: at, entry: j.record('FileReviewed', { caseId, fileId, outcome: 'accepted', missingItems: [] }, at, 'CPS', submission) };
    }
    const missingItems = missing(j);
    previous = j.record('FileReviewed', { caseId, fileId, outcome: 'returned', missingItems, reasons: 'National File Standard not met' }, at, 'CPS', submission);
    at = j.after(at, investigation.resubmittedAfter);
  }
}

function missing(j: Journey): string[] {
  const items = new Set<string>();
  const count = j.random.integer(1, 3);
  while (items.size < count) items.add(j.random.pick(j.profile.investigation.missingItems));
  return [...items];
}

/** The police charge a case themselves; the full file follows to the CPS. */
function policeCharge(j: Journey, decisionMs: number, released: Entry): Entry {
  const charge = decide(j, 'charge', 'Police', { ms: decisionMs, entry: released });
  reviewedFile(j, 'full-file', j.after(decisionMs, { medianDays: 3, p90Days: 10 }), charge);
  return charge;
}

/** The charging decision, and the victims told of it: by the police always, by CPS letter when the CPS decides not to charge (R6). */
function decide(j: Journey, decision: ChargeDecision, decidedBy: ChargeDecider, after: { ms: number; entry: Entry }, reasons?: string): Entry {
  const data = { caseId: j.caseId, decision, decidedBy, charges: decision === 'charge' ? charges(j) : [], ...(reasons ? { reasons } : {}) };
  const agency = decidedBy === 'CPS' ? 'CPS' : 'Police';
  const entry = j.record('ChargeDecisionMade', data, after.ms, agency, after.entry);
  const clock = { ms: after.ms, entry };
  j.tell('chargeDecision', 'charge-decision', clock);
  if (decidedBy === 'CPS' && decision !== 'charge') j.tell('cpsLetter', 'cps-decision-letter', clock);
  if (decision === 'charge') j.lastProsecutionStep = entry;
  return entry;
}

/** One or two charges in the reported offence's category (a new category would change the victims' rights). */
export function charges(j: Journey): Charge[] {
  const count = j.chance(0.25) ? 2 : 1;
  return Array.from({ length: count }, () => ({
    chargeId: j.nextId('C'),
    offence: { description: j.random.pick(OFFENCE_DESCRIPTIONS[j.category]), category: j.category },
  }));
}
