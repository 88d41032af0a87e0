import {
  caseStateFrom,
  effectiveEvents,
  type Agency,
  type AgeBand,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  type ContactChannel,
  type EthnicGroup,
  type InformationTopic,
  type OffenceCategory,
  type OptOutScope,
  type Sex,
  type VictimKind,
} from '@case-journey/domain';
import { caseJudgement, type Obligation, type VictimEnhancedRights, type WorkingDayCalendar } from '@case-journey/victims-code';
import { caseFinderEntryOf, type CaseFinderEntry } from '../cases/case-finder-entry';
import { caseWaitingOnSince } from '../timeline/case-timeline';
import { timelinessOf, type TimelinessSample } from './timeliness';

/** Something done with or for one victim. */
export interface Touchpoint {
  eventId: string;
  type: CaseEventType;
  agency: Agency;
  occurredAt: string;
  topic: InformationTopic | null;
  channel: ContactChannel | null;
}

export interface VictimJourney {
  victimId: string;
  kind: VictimKind;
  ageBand: AgeBand;
  sex: Sex | null;
  ethnicity: EthnicGroup | null;
  contactPreference: ContactChannel;
  optOuts: OptOutScope[];
  registeredAt: string;
  enhanced: Omit<VictimEnhancedRights, 'victimId'>;
  touchpoints: Touchpoint[];
}

/**
 * What the read model keeps of a victim whose personal data was erased: only what the compliance
 * counts are broken down by, so that their obligations go on being counted exactly as before.
 * Nothing that describes them as a person (contact preference, opt-outs, grounds, touchpoints).
 */
export interface ErasedVictim {
  victimId: string;
  erasedAt: string;
  kind: VictimKind;
  ageBand: AgeBand;
  sex: Sex | null;
  ethnicity: EthnicGroup | null;
}

/**
 * One case as the Victims' Code projection keeps it: each victim's journey, every obligation the
 * engine finds with its status as of `asOf`, and the case's timeliness samples. Plain JSON; the
 * worklist entries, compliance counts and deadline jobs are all read off it, so the previous one
 * is all it takes to take a case's old contribution back exactly.
 */
export interface CaseObligations {
  caseId: string;
  urn: string | null;
  area: string | null;
  offenceCategory: OffenceCategory | null;
  asOf: string;
  /** The victims whose personal data is held. */
  victims: VictimJourney[];
  erasedVictims: ErasedVictim[];
  /** Every obligation the engine finds, erased victims' too: the counts need them. */
  obligations: Obligation[];
  timeliness: TimelinessSample[];
  /** The case as the case finder lists it (absent from readings stored before the finder existed). */
  finder?: CaseFinderEntry;
}

const TOUCHPOINT_TYPES = new Set<CaseEventType>([
  'EnhancedRightsRecognised',
  'VictimNeedsAssessed',
  'VictimReferredToSupport',
  'VictimDeclinedSupportReferral',
  'WitnessRequired',
  'VictimInformed',
  'VictimOptedOut',
  'VictimOptedBackIn',
  'VictimWithdrewSupport',
  'VictimContactSchemeReferralMade',
  'VictimContactSchemeReferralReceived',
  'VictimLiaisonOfficerContactMade',
  'ExpensesClaimReceived',
  'ExpensesPaid',
]);

/** One case from its events in stream order, judged as of `now`: only what was recorded by then counts. */
export function caseObligationsOf(caseId: string, events: readonly CaseEvent[], now: Date, calendar: WorkingDayCalendar): CaseObligations {
  const recorded = recordedAsOf(events, now);
  return caseObligationsFrom(caseId, { recorded, state: caseStateFrom(recorded) }, now, calendar);
}

/** The case's events recorded by `now`, in stream order. */
export function recordedAsOf(events: readonly CaseEvent[], now: Date): readonly CaseEvent[] {
  const asOf = now.getTime();
  return events.filter((event) => Date.parse(event.metadata.recordedAt) <= asOf);
}

/**
 * `caseObligationsOf` from the case's events recorded by `now` and their state
 * (`caseStateFrom(recorded)`), which a caller that keeps cases folded between batches carries on
 * instead of folding every event again. The case is read once for everything else: the latest word
 * of its events for the engine (obligations and enhanced rights in one reading), the touchpoints
 * and who holds its next step.
 */
export function caseObligationsFrom(
  caseId: string,
  { recorded, state }: { recorded: readonly CaseEvent[]; state: CaseState },
  now: Date,
  calendar: WorkingDayCalendar,
): CaseObligations {
  const effective = effectiveEvents(recorded);
  const { obligations: owed, enhancedRights } = caseJudgement(effective, now, { calendar });
  const enhanced = new Map(enhancedRights.map(({ victimId, ...rights }) => [victimId, rights]));
  const touchpoints = touchpointsByVictim(effective);
  const finder = caseFinderEntryOf({
    caseId,
    state,
    events: recorded,
    obligations: owed,
    enhanced: [...enhanced.values()].some((rights) => rights.enhanced),
    waitingOn: caseWaitingOnSince(recorded, { effective, closed: state.closure !== null }),
  });
  return {
    caseId,
    urn: state.urn,
    area: state.area,
    offenceCategory: state.offence?.category ?? null,
    asOf: now.toISOString(),
    victims: state.victims
      .filter((victim) => victim.erasure === null)
      .map((victim) => ({
        victimId: victim.victimId,
        kind: victim.kind,
        ageBand: victim.ageBand,
        sex: victim.sex,
        ethnicity: victim.ethnicity,
        contactPreference: victim.contactPreference,
        optOuts: victim.optOuts,
        registeredAt: victim.registeredAt,
        enhanced: enhanced.get(victim.victimId) ?? { enhanced: false, since: null, grounds: [] },
        touchpoints: touchpoints.get(victim.victimId) ?? [],
      })),
    erasedVictims: state.victims.flatMap(({ victimId, erasure, kind, ageBand, sex, ethnicity }) =>
      erasure === null ? [] : [{ victimId, erasedAt: erasure.at, kind, ageBand, sex, ethnicity }],
    ),
    obligations: owed,
    timeliness: timelinessOf(state, owed),
    finder,
  };
}

function touchpointsByVictim(events: readonly CaseEvent[]): Map<string, Touchpoint[]> {
  const byVictim = new Map<string, Touchpoint[]>();
  for (const event of events) {
    if (!TOUCHPOINT_TYPES.has(event.type) || !('victimId' in event.data)) continue;
    const data = event.data as { victimId: string; topic?: InformationTopic; channel?: ContactChannel };
    const list = byVictim.get(data.victimId) ?? [];
    list.push({
      eventId: event.metadata.eventId,
      type: event.type,
      agency: event.metadata.agency,
      occurredAt: event.metadata.occurredAt,
      topic: data.topic ?? null,
      channel: data.channel ?? null,
    });
    byVictim.set(data.victimId, list);
  }
  for (const list of byVictim.values()) list.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  return byVictim;
}

/** The obligations someone can still act on: those owed to victims whose personal data is held. */
export function actionableObligations(doc: CaseObligations): Obligation[] {
  if (doc.erasedVictims.length === 0) return doc.obligations;
  const erased = new Set(doc.erasedVictims.map((victim) => victim.victimId));
  return doc.obligations.filter((obligation) => !erased.has(obligation.victimId));
}
