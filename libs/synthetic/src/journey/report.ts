import type { CaseEventData, Offence, VictimRegistration } from '@case-journey/domain';
import { derivedVictimId } from '@case-journey/domain';
import { referralNeedsConsent } from '../victims-code-terms';
import type { Entry } from './case-log';
import type { CaseVictim, Journey } from './journey';
import { OFFENCE_DESCRIPTIONS } from './offences';
import { drawVictims, nameVictim, type DrawnVictim } from './victims';
import { isoInstant } from '../instants';

const NEEDS = ['emotional support', 'safety planning', 'interpreter', 'practical help', 'financial advice', 'accessibility'];

const SUPPORT_SERVICES: Partial<Record<string, string>> = {
  homicide: 'Homicide Service',
  sexual: 'Independent Sexual Violence Adviser service',
  'domestic-abuse': 'Independent Domestic Violence Adviser service',
};

/**
 * The crime report with the victims known then; victims identified later are registered on their own.
 * Each is named as the API names them: by their place in the report, or by the event registering them.
 */
export function reportCrime(j: Journey, urn: string): Entry {
  const offence: Offence = { description: j.random.pick(OFFENCE_DESCRIPTIONS[j.category]), category: j.category };
  const drawn = drawVictims(j);
  const atReport = drawn.filter((victim) => victim.registeredMs === j.reportedMs);
  const reported = atReport.map((victim, place) => nameVictim(j, victim, derivedVictimId(j.caseId, place)));
  const data: CaseEventData<'CrimeReported'> = { caseId: j.caseId, urn, area: j.area.name, offence, victims: reported };
  const report = j.record('CrimeReported', data, j.reportedMs, 'Police');
  for (const victim of drawn) {
    const place = atReport.indexOf(victim);
    const registration = place >= 0 ? reported[place] : nameVictim(j, victim, derivedVictimId(j.caseId, j.log.nextEventId('Police')));
    const registeredBy =
      place >= 0 ? report : j.record('VictimRegistered', { caseId: j.caseId, victim: registration }, victim.registeredMs, 'Police', report);
    supportVictim(j, register(j, victim, registration, registeredBy), victim);
  }
  return report;
}

function register(j: Journey, drawn: DrawnVictim, registration: VictimRegistration, registeredBy: Entry): CaseVictim {
  const { registeredMs } = drawn;
  const enhancedFromRegistration = registration.enhancedGrounds.length > 0 ? registeredMs : undefined;
  const victim: CaseVictim = {
    victimId: registration.victimId,
    registration,
    registeredBy,
    registeredMs,
    // A most serious offence makes every victim of the case eligible from the report (a case-level fact).
    enhancedSince: j.mostSerious ? j.reportedMs : enhancedFromRegistration,
    witness: registration.kind === 'person',
  };
  j.victims.push(victim);
  return victim;
}

/** What the police owe a newly registered victim: confirmation, a needs assessment, a support referral (R3, R4, R5, R7). */
function supportVictim(j: Journey, victim: CaseVictim, drawn: DrawnVictim): void {
  const { caseId } = j;
  const { victimId, registration } = victim;
  const from = victim.registeredMs;
  const by = victim.registeredBy;
  j.touchpoint(victim, from, (at) =>
    j.recordFor(victim, 'VictimInformed', { caseId, victimId, topic: 'crime-report-confirmation', channel: 'letter' }, at, 'Police', by),
  );
  if (!j.optedOutOf(victim, 'support-referral')) {
    j.touchpoint(victim, from, (at) =>
      j.recordFor(victim, 'VictimNeedsAssessed', { caseId, victimId, needsIdentified: pickNeeds(j) }, at, 'Police', by),
    );
  }
  for (const topic of ['compensation', 'vps-offered'] as const) {
    j.touchpoint(victim, from, (at) => j.recordFor(victim, 'VictimInformed', { caseId, victimId, topic, channel: j.channelFor(victim) }, at, 'Police', by));
  }
  referToSupport(j, victim);
  if (drawn.recognisedLater) {
    const at = j.after(from, j.profile.victims.recognisedLaterAfter);
    const grounds = [{ ground: 'persistently-targeted' as const, decidedBy: 'Police' as const, decidedAt: isoInstant(at) }];
    j.recordFor(victim, 'EnhancedRightsRecognised', { caseId, victimId, grounds }, at, 'Police', by);
    victim.enhancedSince = Math.min(victim.enhancedSince ?? at, at);
  }
}

/**
 * R4: referred within the deadline at the police's rate, unless the victim opted out; a victim
 * whose referral needs explicit consent and who gave none declines it when asked.
 */
function referToSupport(j: Journey, victim: CaseVictim): void {
  const { caseId } = j;
  const { victimId, registration } = victim;
  if (j.optedOutOf(victim, j.code.duties.supportReferral.optOutScope)) return;
  const clock = { ms: victim.registeredMs, entry: victim.registeredBy };
  if (!registration.consentToReferral && referralNeedsConsent(j.code.rulebook, j.category, registration)) {
    const deadline = j.code.calendar.deadlineMs(clock.ms, j.code.duties.supportReferral.standardWorkingDays);
    const at = clock.ms + Math.floor((deadline - clock.ms) * j.random.float());
    j.recordFor(victim, 'VictimDeclinedSupportReferral', { caseId, victimId }, at, 'Police', clock.entry);
    return;
  }
  const at = j.dutyMetAt('supportReferral', clock.ms, victim);
  if (at === undefined) return;
  const service = registration.kind === 'business' ? 'Business Crime Support' : (SUPPORT_SERVICES[j.category] ?? 'Victim Support');
  j.recordFor(victim, 'VictimReferredToSupport', { caseId, victimId, service }, at, 'Police', clock.entry);
}

function pickNeeds(j: Journey): string[] {
  const count = j.random.integer(0, 2);
  const needs = new Set<string>();
  while (needs.size < count) needs.add(j.random.pick(NEEDS));
  return [...needs];
}
