import type {
  Agency,
  CaseEventData,
  CaseEventType,
  ContactChannel,
  InformationTopic,
  OffenceCategory,
  OptOutScope,
  SealedPersonalData,
  VictimPersonalData,
  VictimRegistration,
} from '@case-journey/domain';
import type { Rulebook } from '@case-journey/victims-code';
import { DAY_MS, drawDelay, drawShare, HOUR_MS, type Delay, type Shares } from '../distributions';
import type { AreaProfile, CodeAgency, GeneratorProfile } from '../profile';
import type { Random } from '../random';
import { COURT_RESULT_WORKING_DAYS, isMostSerious, type CodeCalendar, type Duty, type DutyTerms } from '../victims-code-terms';
import type { CaseLog, Entry } from './case-log';

const MINUTE_MS = 60_000;

/** Seals a victim's details (the personal-data vault's `seal`, or a test double). */
export type SealPersonalData = (victimId: string, details: VictimPersonalData) => SealedPersonalData;

/** The Victims' Code as the generator answers it: deadlines from the rulebook, days from the calendar. */
export interface CodeTerms {
  rulebook: Rulebook;
  calendar: CodeCalendar;
  duties: Readonly<Record<Duty, DutyTerms>>;
}

export interface CaseVictim {
  victimId: string;
  registration: VictimRegistration;
  /** The CrimeReported or VictimRegistered that made the victim known to the case. */
  registeredBy: Entry;
  registeredMs: number;
  /** When the victim first qualified for enhanced rights, if ever (as the compliance engine reads it). */
  enhancedSince: number | undefined;
  /** A person, who may be called to give evidence (not a business or a bereaved family). */
  witness: boolean;
}

/** Where a duty's clock starts: the instant, and the event a contact cites as prompting it. */
export interface Clock {
  ms: number;
  entry: Entry;
}

/** One case being generated: its facts so far, its chance, and its log. */
export class Journey {
  readonly victims: CaseVictim[] = [];
  /** The CPS's last step on the prosecution; the next one follows it (nothing after the prosecution ends). */
  lastProsecutionStep: Entry | undefined;

  constructor(
    readonly caseId: string,
    readonly category: OffenceCategory,
    readonly reportedMs: number,
    readonly profile: GeneratorProfile,
    readonly area: AreaProfile,
    readonly code: CodeTerms,
    readonly random: Random,
    readonly log: CaseLog,
    readonly seal: SealPersonalData,
  ) {}

  get offence() {
    return this.profile.offences[this.category];
  }

  /** An offence that makes every victim of the case eligible for enhanced rights, by the rulebook. */
  get mostSerious(): boolean {
    return isMostSerious(this.code.rulebook, this.category);
  }

  after(fromMs: number, delay: Delay): number {
    return fromMs + drawDelay(this.random, delay);
  }

  chance(probability: number): boolean {
    return this.random.chance(probability);
  }

  choose<K extends string>(shares: Shares<K>): K {
    return drawShare(this.random, shares);
  }

  record<T extends CaseEventType>(type: T, data: CaseEventData<T>, occurredMs: number, agency: Agency, after?: Entry, receivedMs?: number): Entry {
    return this.log.record(type, data, { occurredMs, agency, after, receivedMs });
  }

  /** An event about one victim: it follows its cause and the victim's registration. */
  recordFor<T extends CaseEventType>(victim: CaseVictim, type: T, data: CaseEventData<T>, occurredMs: number, agency: Agency, after: Entry, receivedMs?: number): Entry {
    const cause = after.recordedMs >= victim.registeredBy.recordedMs ? after : victim.registeredBy;
    const entry = this.log.record(type, data, { occurredMs, agency, after: cause, receivedMs });
    if (cause !== after) entry.event.metadata.causationId = after.event.metadata.eventId;
    return entry;
  }

  /** Victims known to the case by an instant: those the Code's obligations of that instant are owed to. */
  victimsKnownAt(ms: number): CaseVictim[] {
    return this.victims.filter((victim) => victim.registeredMs <= ms);
  }

  isEnhanced(victim: CaseVictim, ms: number): boolean {
    return victim.enhancedSince !== undefined && victim.enhancedSince <= ms;
  }

  optedOutOf(victim: CaseVictim, scope: OptOutScope | null): boolean {
    return scope !== null && (victim.registration.optOuts.includes(scope) || victim.registration.optOuts.includes('all'));
  }

  /** When the responsible agency meets a duty owed from `clockMs`, by its Code performance in the area; undefined if never. */
  dutyMetAt(duty: Duty, clockMs: number, victim: CaseVictim): number | undefined {
    const terms = this.code.duties[duty];
    const days = this.isEnhanced(victim, clockMs) ? terms.enhancedWorkingDays : terms.standardWorkingDays;
    return this.performedAt(terms.agency, clockMs, this.code.calendar.deadlineMs(clockMs, days));
  }

  /** When the court's result reaches the Witness Care Unit (the court's own 5-working-day duty). */
  courtResultReceivedAt(heldMs: number): number | undefined {
    return this.performedAt('HMCTS', heldMs, this.code.calendar.deadlineMs(heldMs, COURT_RESULT_WORKING_DAYS));
  }

  /**
   * The agency meets its deadline at its configured on-time rate, early in the window more often than
   * late in it; otherwise it is late by a skewed delay, or (a share of those) never acts.
   */
  private performedAt(agency: CodeAgency, clockMs: number, deadlineMs: number): number | undefined {
    const performance = this.area.codePerformance[agency];
    if (this.random.chance(performance.onTime)) {
      const u = this.random.float();
      return this.inWorkingHours(Math.floor(clockMs + MINUTE_MS + (deadlineMs - clockMs - MINUTE_MS) * u * u), clockMs + MINUTE_MS);
    }
    if (this.random.chance(performance.neverMet)) return undefined;
    return this.inWorkingHours(deadlineMs + MINUTE_MS + Math.floor(drawDelay(this.random, performance.lateBy)), deadlineMs + MINUTE_MS);
  }

  /**
   * People contact victims by day: a time drawn in the small hours moves to that morning (the same
   * London day, so no nearer its deadline than the day allows), one late in the evening a few hours
   * earlier when that is still after `notBefore`.
   */
  inWorkingHours(ms: number, notBefore: number): number {
    const intoDay = ms % DAY_MS;
    if (intoDay < 7 * HOUR_MS) return ms - intoDay + Math.floor((7 + 2 * this.random.float()) * HOUR_MS);
    if (intoDay < 21 * HOUR_MS) return ms;
    const earlier = ms - Math.floor((3 + 2 * this.random.float()) * HOUR_MS);
    return earlier > notBefore ? earlier : ms;
  }

  channelFor(victim: CaseVictim): ContactChannel {
    return victim.registration.contactPreference;
  }

  /**
   * The responsible agency tells each victim known at the clock's start what the duty requires,
   * citing the event that prompted it, unless the victim opted out of that kind of contact.
   */
  tell(duty: Duty, topic: InformationTopic, clock: Clock, victims: readonly CaseVictim[] = this.victimsKnownAt(clock.ms), hearingId?: string): void {
    const { agency, optOutScope } = this.code.duties[duty];
    for (const victim of victims) {
      if (this.optedOutOf(victim, optOutScope)) continue;
      const at = this.dutyMetAt(duty, clock.ms, victim);
      if (at === undefined) continue;
      const data: CaseEventData<'VictimInformed'> = {
        caseId: this.caseId,
        victimId: victim.victimId,
        topic,
        channel: this.channelFor(victim),
        regardingEventId: clock.entry.event.metadata.eventId,
      };
      if (hearingId !== undefined) data.hearingId = hearingId;
      this.recordFor(victim, 'VictimInformed', data, at, agency, clock.entry);
    }
  }

  /** A touchpoint the Code tracks without a deadline, met at the profile's rate. */
  touchpoint(victim: CaseVictim, fromMs: number, record: (atMs: number) => void): void {
    const { touchpointsMet, touchpointsAfter } = this.profile.victims;
    if (this.chance(touchpointsMet)) record(this.inWorkingHours(this.after(fromMs, touchpointsAfter), fromMs));
  }

  private readonly counters = new Map<string, number>();

  id(kind: string, n: number): string {
    return `${this.caseId}-${kind}${n}`;
  }

  /** The next id of a kind within the case: H1, H2… for hearings. */
  nextId(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return this.id(kind, n);
  }
}
