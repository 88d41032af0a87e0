import type { CaseEventData, Disposal } from '@case-journey/domain';
import { drawSkewed, HOUR_MS } from '../distributions';
import { sentenceQualifiesForContactScheme } from '../victims-code-terms';
import type { Entry } from './case-log';
import { holdHearing, listHearing, passResult, type Hearing } from './court';
import type { CaseVictim, Clock, Journey } from './journey';

const APPEAL_OUTCOMES = { dismissed: 0.7, varied: 0.2, allowed: 0.1 } as const;

/**
 * Sentence on conviction: at once, or at a hearing after reports. The WCU tells the victims (R9);
 * a sentence the rulebook names starts the Victim Contact Scheme (R11); some are appealed.
 */
export function sentence(j: Journey, convictedAt: Hearing, conviction: Entry, sentencedThere: boolean): void {
  let hearing = convictedAt;
  let after = conviction;
  if (!sentencedThere) {
    const adjourned = j.after(conviction.occurredMs, j.profile.prosecution.sentenceAdjournedFor);
    hearing = listHearing(j, 'sentence', convictedAt.tier, adjourned, conviction.occurredMs, conviction);
    after = holdHearing(j, hearing, { result: 'effective' });
  }
  const data = disposalOf(j);
  const passed = j.record('SentencePassed', { caseId: j.caseId, hearingId: hearing.hearingId, ...data }, after.occurredMs, 'HMCTS', after);
  const clock = passResult(j, hearing, passed.occurredMs, passed, ['sentence']).sentence;
  if (!clock) return;
  j.tell('sentence', 'sentence', clock, undefined, hearing.hearingId);
  if (sentenceQualifiesForContactScheme(j.code.rulebook, data, new Set([j.category]))) {
    for (const victim of j.victimsKnownAt(clock.ms)) offerContactScheme(j, victim, clock);
  }
  if (hearing.tier === 'crown' && j.chance(j.profile.prosecution.appealed)) appeal(j, passed, conviction);
}

function disposalOf(j: Journey): Pick<CaseEventData<'SentencePassed'>, 'disposal' | 'custodyMonths'> {
  const band = j.profile.sentencing[j.offence.sentencing];
  const disposal: Disposal = j.choose(band.disposals);
  if (disposal !== 'custody') return { disposal };
  return { disposal, custodyMonths: Math.max(1, Math.round(drawSkewed(j.random, band.custodyMonths))) };
}

/**
 * R11: the WCU refers the victim to the Victim Contact Scheme unless they opt out (some opt back in
 * later and are referred then); Probation receives it and a Victim Liaison Officer makes contact.
 */
function offerContactScheme(j: Journey, victim: CaseVictim, clock: Clock): void {
  const scheme = j.profile.victimContactScheme;
  const { caseId } = j;
  const { victimId } = victim;
  let referral: Entry;
  if (j.chance(scheme.optOut)) {
    const deadline = j.code.calendar.deadlineMs(clock.ms, j.code.duties.contactSchemeReferral.standardWorkingDays);
    const optedOutMs = clock.ms + Math.floor((deadline - clock.ms) * j.random.float());
    const optOut = j.recordFor(victim, 'VictimOptedOut', { caseId, victimId, scope: 'victim-contact-scheme' }, optedOutMs, 'WCU', clock.entry);
    if (!j.chance(scheme.optBackIn)) return;
    const optedInMs = j.after(optedOutMs, scheme.optBackInAfter);
    const optIn = j.recordFor(victim, 'VictimOptedBackIn', { caseId, victimId, scope: 'victim-contact-scheme' }, optedInMs, 'WCU', optOut);
    referral = j.recordFor(victim, 'VictimContactSchemeReferralMade', { caseId, victimId }, optedInMs + j.random.integer(2, 72) * HOUR_MS, 'WCU', optIn);
  } else {
    const at = j.dutyMetAt('contactSchemeReferral', clock.ms, victim);
    if (at === undefined) return;
    referral = j.recordFor(victim, 'VictimContactSchemeReferralMade', { caseId, victimId }, at, 'WCU', clock.entry);
  }
  const receivedMs = j.after(referral.occurredMs, scheme.receivedAfter);
  const received = j.recordFor(victim, 'VictimContactSchemeReferralReceived', { caseId, victimId }, receivedMs, 'Probation', referral, receivedMs);
  const contactMs = j.dutyMetAt('liaisonOfficerContact', receivedMs, victim);
  if (contactMs === undefined) return;
  j.recordFor(victim, 'VictimLiaisonOfficerContactMade', { caseId, victimId, channel: j.channelFor(victim) }, contactMs, 'Probation', received);
}

/** An appeal against sentence (or conviction), lodged and later decided; the victims are told of both. */
function appeal(j: Journey, passed: Entry, conviction: Entry): void {
  const { caseId } = j;
  const appealId = j.nextId('A');
  const against = j.chance(0.6) ? 'sentence' : 'conviction';
  const lodgedMs = passed.occurredMs + j.random.integer(5, 27) * 24 * HOUR_MS;
  const lodged = j.record('AppealLodged', { caseId, appealId, by: 'defence', against }, lodgedMs, 'HMCTS', against === 'sentence' ? passed : conviction);
  const decidedMs = j.after(lodgedMs, j.profile.prosecution.appealDecidedAfter);
  const decided = j.record('AppealDecided', { caseId, appealId, outcome: j.choose(APPEAL_OUTCOMES) }, decidedMs, 'HMCTS', lodged);
  for (const [entry, ms] of [[lodged, lodgedMs], [decided, decidedMs]] as const) {
    for (const victim of j.victimsKnownAt(ms)) {
      j.touchpoint(victim, ms, (at) =>
        j.recordFor(victim, 'VictimInformed', { caseId, victimId: victim.victimId, topic: 'appeal', channel: j.channelFor(victim), regardingEventId: entry.event.metadata.eventId }, at, 'WCU', entry),
      );
    }
  }
}
