import type { BailOutcome, CaseEventData, CourtTier } from '@case-journey/domain';
import { HOUR_MS } from '../distributions';
import type { IneffectiveReason } from '../profile';
import type { Entry } from './case-log';
import { holdHearing, listHearing, passResult, type Hearing } from './court';
import { charges } from './investigation';
import type { Journey } from './journey';
import { sentence } from './sentencing';

/** Relistings after the first trial listing before the generator stops following the case. */
const MAX_TRIAL_LISTINGS = 5;

const BAIL_CONDITIONS = ['not to contact the victim', 'residence at a stated address', 'curfew 19:00 to 07:00', 'not to enter a stated area'];

/**
 * From charge to the end of the case at court: the first hearing (about 14 days after charge when
 * a guilty plea is anticipated, 28 when not), a plea hearing in the Crown Court for cases sent there,
 * then sentence on a guilty plea or a trial on a not-guilty one.
 */
export function prosecute(j: Journey, charge: Entry): void {
  const { prosecution } = j.profile;
  const tier: CourtTier = j.chance(j.offence.crownCourtShare) ? 'crown' : 'magistrates';
  const anticipatedGuilty = j.chance(prosecution.anticipatedGuiltyPlea);
  const chargedMs = charge.occurredMs;
  const firstAfter = anticipatedGuilty ? prosecution.firstHearingAfterCharge.anticipatedGuilty : prosecution.firstHearingAfterCharge.anticipatedNotGuilty;
  const first = listHearing(j, 'first', 'magistrates', j.after(chargedMs, firstAfter), chargedMs + j.random.integer(1, 6) * HOUR_MS, charge);
  const pleadsGuilty = j.chance(anticipatedGuilty ? prosecution.guiltyPleaWhenAnticipated : prosecution.guiltyPleaOtherwise);

  if (tier === 'magistrates') {
    const sentencedThere = pleadsGuilty && j.chance(prosecution.sentencedSameDay.magistrates);
    const held = holdHearing(j, first, sentencedThere ? { result: 'effective' } : bailDecision(j));
    if (!sentencedThere) tellBail(j, first, held);
    plead(j, first, held, pleadsGuilty, sentencedThere);
    return;
  }
  const sending = holdHearing(j, first, bailDecision(j));
  tellBail(j, first, sending);
  const ptph = listHearing(j, 'plea-and-trial-preparation', 'crown', j.after(sending.occurredMs, prosecution.sentToCrownCourtFor), sending.occurredMs, sending);
  const sentencedThere = pleadsGuilty && j.chance(prosecution.sentencedSameDay.crown);
  plead(j, ptph, holdHearing(j, ptph, { result: 'effective' }), pleadsGuilty, sentencedThere);
}

function bailDecision(j: Journey): Omit<CaseEventData<'HearingHeld'>, 'caseId' | 'hearingId'> {
  const bailOutcome: BailOutcome = j.choose(j.profile.prosecution.bailAtFirstHearing);
  if (bailOutcome !== 'conditional-bail') return { result: 'effective', bailOutcome };
  return { result: 'effective', bailOutcome, bailConditions: [j.random.pick(BAIL_CONDITIONS)] };
}

/** R8: the WCU tells the victims the bail outcome once the court's result reaches it. */
function tellBail(j: Journey, hearing: Hearing, held: Entry): void {
  const clock = passResult(j, hearing, held.occurredMs, held, ['bail-outcome'])['bail-outcome'];
  if (clock) j.tell('bailOutcome', 'bail-outcome', clock, undefined, hearing.hearingId);
}

function plead(j: Journey, hearing: Hearing, held: Entry, guilty: boolean, sentencedThere: boolean): void {
  const at = held.occurredMs;
  const plea = j.record('PleaEntered', { caseId: j.caseId, hearingId: hearing.hearingId, plea: guilty ? 'guilty' : 'not-guilty' }, at, 'HMCTS', held);
  if (guilty) {
    convicted(j, hearing, plea, sentencedThere);
    return;
  }
  const trialAfter = j.profile.prosecution.trialAfterPlea[hearing.tier];
  const trial = listHearing(j, 'trial', hearing.tier, j.after(at, trialAfter), at, plea);
  requireWitnesses(j, trial, plea);
  const ended = beforeTrial(j, plea.occurredMs, trial);
  if (ended) {
    holdHearing(j, trial, { result: 'vacated' }, Math.max(ended.occurredMs + HOUR_MS, Math.min(trial.scheduledMs - HOUR_MS, ended.occurredMs + j.random.integer(2, 48) * HOUR_MS)));
    return;
  }
  tryCase(j, trial);
}

/** R9: the court passes the conviction on to the WCU, who tells the victims; then sentence. */
function convicted(j: Journey, hearing: Hearing, conviction: Entry, sentencedThere: boolean): void {
  const outcome = passResult(j, hearing, conviction.occurredMs, conviction, ['outcome']).outcome;
  if (outcome) j.tell('outcome', 'outcome', outcome, undefined, hearing.hearingId);
  sentence(j, hearing, conviction, sentencedThere);
}

/** R8: the CPS tells the Witness Care Unit which victims must give evidence; the WCU tells them. */
function requireWitnesses(j: Journey, trial: Hearing, plea: Entry): void {
  const { prosecution } = j.profile;
  for (const victim of j.victimsKnownAt(plea.occurredMs)) {
    if (!victim.witness) continue;
    const at = j.after(plea.occurredMs, prosecution.witnessRequiredAfter);
    const receivedMs = j.after(at, prosecution.witnessCareReceivesAfter);
    const data = { caseId: j.caseId, victimId: victim.victimId, hearingId: trial.hearingId };
    const entry = j.recordFor(victim, 'WitnessRequired', data, at, 'CPS', trial.listing, receivedMs);
    j.tell('witnessRequired', 'witness-required', { ms: receivedMs, entry }, [victim], trial.hearingId);
    j.touchpoint(victim, receivedMs, (told) =>
      j.recordFor(victim, 'VictimInformed', { ...data, topic: 'special-measures', channel: j.channelFor(victim), regardingEventId: entry.event.metadata.eventId }, told, 'WCU', entry),
    );
  }
}

/** Between plea and trial the CPS may alter the charges, or end the prosecution (the victim may withdraw). Returns the ending. */
function beforeTrial(j: Journey, fromMs: number, trial: Hearing): Entry | undefined {
  const { prosecution } = j.profile;
  const between = (): number => Math.floor(fromMs + (trial.scheduledMs - fromMs) * (0.2 + 0.6 * j.random.float()));
  if (j.chance(prosecution.chargesAltered)) alterCharges(j, between(), j.chance(prosecution.substantialAlteration), 'charges reviewed after the defence case statement');
  if (j.chance(prosecution.victimWithdrawsBeforeTrial)) {
    const victim = j.victims.find((candidate) => candidate.witness) ?? j.victims[0];
    const at = Math.max(between(), (j.lastProsecutionStep?.occurredMs ?? 0) + HOUR_MS);
    const withdrawal = j.recordFor(victim, 'VictimWithdrewSupport', { caseId: j.caseId, victimId: victim.victimId, stage: 'pre-trial' }, at, 'WCU', trial.listing);
    return endProsecution(j, 'discontinued', 'the victim no longer supports the prosecution', at + j.random.integer(24, 240) * HOUR_MS, withdrawal);
  }
  if (j.chance(prosecution.discontinued)) {
    const at = Math.max(between(), (j.lastProsecutionStep?.occurredMs ?? 0) + HOUR_MS);
    return endProsecution(j, 'discontinued', 'no longer a realistic prospect of conviction', at, trial.listing);
  }
  return undefined;
}

/** The CPS's steps follow one another (nothing after the prosecution ends); a substantial one gets a letter (R6). */
function cpsStep<T extends 'ChargesAltered' | 'ProsecutionEnded'>(j: Journey, type: T, data: CaseEventData<T>, at: number, after: Entry, letter: boolean): Entry {
  const previous = j.lastProsecutionStep;
  const cause = previous && previous.recordedMs > after.recordedMs ? previous : after;
  const entry = j.record(type, data, Math.max(at, previous?.occurredMs ?? at), 'CPS', cause);
  j.lastProsecutionStep = entry;
  if (letter) j.tell('cpsLetter', 'cps-decision-letter', { ms: entry.occurredMs, entry });
  return entry;
}

function alterCharges(j: Journey, at: number, substantial: boolean, reasons: string): Entry {
  const previous = j.lastProsecutionStep as Entry;
  return cpsStep(j, 'ChargesAltered', { caseId: j.caseId, charges: charges(j), substantial, reasons }, at, previous, substantial);
}

function endProsecution(j: Journey, ending: 'discontinued' | 'no-evidence-offered', reasons: string, at: number, after: Entry): Entry {
  return cpsStep(j, 'ProsecutionEnded', { caseId: j.caseId, ending, reasons }, at, after, true);
}

/**
 * Each trial listing is vacated beforehand, or on the day is effective, cracked or ineffective at
 * the tier's published rates; an ineffective one carries the court's reason code and is relisted.
 */
function tryCase(j: Journey, firstListing: Hearing): void {
  const { prosecution } = j.profile;
  let trial = firstListing;
  for (let listing = 1; listing <= MAX_TRIAL_LISTINGS; listing++) {
    let held: Entry;
    if (j.chance(prosecution.vacated)) {
      const vacatedMs = Math.max(trial.listing.occurredMs + HOUR_MS, trial.scheduledMs - j.random.integer(1, 7) * 24 * HOUR_MS);
      held = holdHearing(j, trial, { result: 'vacated' }, vacatedMs);
    } else {
      const outcome = j.choose(prosecution.trialOutcomes[trial.tier]);
      if (outcome === 'effective') return effectiveTrial(j, trial);
      if (outcome === 'cracked') return crackedTrial(j, trial);
      const reason = ineffectiveReason(j);
      held = holdHearing(j, trial, { result: 'ineffective', ineffectiveReason: { code: reason.code, group: reason.group } });
    }
    const at = Math.max(held.occurredMs, trial.listing.occurredMs);
    trial = listHearing(j, 'trial', trial.tier, j.after(at, prosecution.relistedAfter), at, held);
  }
}

function ineffectiveReason(j: Journey): IneffectiveReason {
  const reasons = j.profile.prosecution.ineffectiveReasons;
  const total = reasons.reduce((sum, reason) => sum + reason.share, 0);
  let u = j.random.float() * total;
  for (const reason of reasons) if ((u -= reason.share) < 0) return reason;
  return reasons[reasons.length - 1];
}

function effectiveTrial(j: Journey, trial: Hearing): void {
  const { prosecution } = j.profile;
  const held = holdHearing(j, trial, { result: 'effective' });
  claimExpenses(j, held);
  const verdict = j.chance(prosecution.convictedAtTrial[trial.tier]) ? 'convicted' : 'acquitted';
  const entry = j.record('VerdictReached', { caseId: j.caseId, hearingId: trial.hearingId, verdict }, held.occurredMs, 'HMCTS', held);
  if (verdict === 'convicted') {
    convicted(j, trial, entry, j.chance(prosecution.sentencedSameDay[trial.tier]));
    return;
  }
  const outcome = passResult(j, trial, entry.occurredMs, entry, ['outcome']).outcome;
  if (outcome) j.tell('outcome', 'outcome', outcome, undefined, trial.hearingId);
}

/** A trial that ends on the day without one: a late plea (perhaps to an alternative), no evidence offered, or otherwise. */
function crackedTrial(j: Journey, trial: Hearing): void {
  const crackedReason = j.choose(j.profile.prosecution.crackedReasons);
  const held = holdHearing(j, trial, { result: 'cracked', crackedReason });
  const at = held.occurredMs;
  if (crackedReason === 'late-guilty-plea' || crackedReason === 'guilty-plea-to-alternative') {
    const alteration = crackedReason === 'guilty-plea-to-alternative' ? alterCharges(j, at, true, 'plea to an alternative charge accepted') : held;
    const plea = j.record('PleaEntered', { caseId: j.caseId, hearingId: trial.hearingId, plea: 'guilty' }, alteration.occurredMs, 'HMCTS', alteration);
    convicted(j, trial, plea, j.chance(j.profile.prosecution.sentencedSameDay[trial.tier]));
    return;
  }
  const ending = crackedReason === 'no-evidence-offered' ? endProsecution(j, 'no-evidence-offered', 'key witness evidence no longer available', at, held) : held;
  const outcome = passResult(j, trial, ending.occurredMs, ending, ['outcome']).outcome;
  if (outcome) j.tell('outcome', 'outcome', outcome, undefined, trial.hearingId);
}

/** R10: witnesses who attended claim expenses; the CPS pays within its deadline at its rate. */
function claimExpenses(j: Journey, held: Entry): void {
  const { prosecution } = j.profile;
  for (const victim of j.victimsKnownAt(held.occurredMs)) {
    if (!victim.witness || !j.chance(prosecution.expensesClaimed)) continue;
    const claimId = j.nextId('X');
    const receivedMs = j.after(held.occurredMs, prosecution.expensesClaimAfter);
    const claim = j.recordFor(victim, 'ExpensesClaimReceived', { caseId: j.caseId, victimId: victim.victimId, claimId }, receivedMs, 'CPS', held, receivedMs);
    const paidMs = j.dutyMetAt('expenses', receivedMs, victim);
    if (paidMs === undefined) continue;
    const amountPence = j.random.integer(8, 150) * 100 + j.random.integer(0, 99);
    j.recordFor(victim, 'ExpensesPaid', { caseId: j.caseId, victimId: victim.victimId, claimId, amountPence }, paidMs, 'CPS', claim);
  }
}
