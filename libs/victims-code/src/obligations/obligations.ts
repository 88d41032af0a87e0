import type { CaseEvent } from '@case-journey/domain';
import { formatInstant } from '../calendar/iso-instants';
import { dayNumberOf, instantMs, londonDayNumberOf } from '../calendar/london-day';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { Rule, Rulebook } from '../rulebook/rulebook';
import { VICTIMS_CODE_2020 } from '../rulebook/victims-code-2020';
import { caseAsOf, readCase, type CaseRecord, type TimedEvent, type VictimRecord } from './case-record';
import { enhancedRightsOfRecord, enhancedStatusOfVictims, type EnhancedStatus, type VictimEnhancedRights } from './enhanced-rights';
import { notApplicable, type ExceptionContext } from './exceptions';
import type { Obligation } from './obligation';
import { statusOf } from './obligation-status';
import { matchTouchpoints, touchpointsByVictim } from './touchpoint-matching';
import { triggersOf, type ObligationTrigger } from './triggers';

export interface ObligationOptions {
  /** Working days with the deployment's closure days; England and Wales bank holidays only by default. */
  calendar?: WorkingDayCalendar;
  /** Versions of the Code; each applies to clocks that start on or after its effectiveFrom and before the next. Default: the 2020 Code. */
  rulebooks?: readonly Rulebook[];
}

let defaultCalendar: WorkingDayCalendar | undefined;

/**
 * Every Code obligation the agencies owe each victim of one case, as a board would have seen it at
 * `asOf`: only events recorded by then, corrections and retractions applied, and every deadline
 * judged on when things happened.
 */
export function obligations(events: readonly CaseEvent[], asOf: Date | string, options: ObligationOptions = {}): Obligation[] {
  const asOfMs = instantMs(asOf);
  return obligationsOfRecord(caseAsOf(events, asOfMs), asOfMs, options);
}

/** What the engine finds in one reading of a case: every obligation, and each victim's enhanced rights. */
export interface CaseJudgement {
  obligations: Obligation[];
  enhancedRights: VictimEnhancedRights[];
}

/**
 * `obligations(events, asOf, options)` and `enhancedRightsOf(events, asOf)` from one reading of the
 * case instead of two. `effective`: the case's events recorded by `asOf`, as their latest word has
 * them (`effectiveEvents`), which a caller that reads the case for more than the Code has already.
 */
export function caseJudgement(effective: readonly CaseEvent[], asOf: Date | string, options: ObligationOptions = {}): CaseJudgement {
  const asOfMs = instantMs(asOf);
  const record = readCase(effective);
  return { obligations: obligationsOfRecord(record, asOfMs, options), enhancedRights: enhancedRightsOfRecord(record, asOfMs) };
}

function obligationsOfRecord(record: CaseRecord, asOfMs: number, options: ObligationOptions): Obligation[] {
  const calendar = options.calendar ?? (defaultCalendar ??= new WorkingDayCalendar());
  const result: Obligation[] = [];
  for (const { rulebook, inForce } of versionsOf(options.rulebooks ?? DEFAULT_RULEBOOKS)) {
    const enhanced = enhancedStatusOfVictims(record, rulebook.enhanced);
    for (const rule of rulebook.rules) {
      if (rule.enabled) obligationsOfRule({ rule, rulebook, record, enhanced, asOf: asOfMs, calendar }, inForce, result);
    }
  }
  return result;
}

/** What every obligation of one rule is read against. */
interface RuleReading {
  rule: Rule;
  rulebook: Rulebook;
  record: CaseRecord;
  enhanced: ReadonlyMap<string, EnhancedStatus>;
  asOf: number;
  calendar: WorkingDayCalendar;
}

const NO_TOUCHPOINTS: readonly TimedEvent[] = [];

type Excuse = (trigger: ObligationTrigger, until: number) => Obligation['notApplicable'];

function obligationsOfRule(reading: RuleReading, inForce: (clockAt: number) => boolean, into: Obligation[]): void {
  const { rule, record } = reading;
  const triggers = triggersOf(rule, record, inForce);
  if (triggers.length === 0) return;
  const touchpoints = touchpointsByVictim(rule, record);
  for (const [victimId, victimTriggers] of groupedByVictim(triggers)) {
    const victim = record.victims.get(victimId);
    if (!victim) continue;
    const excuse = excuseFor(reading, victim);
    // Obligations that do not apply from the start take no touchpoint that a later trigger is owed.
    const open = victimTriggers.filter((trigger) => excuse(trigger, trigger.clock.at) === null);
    const matched = matchTouchpoints(rule, open, touchpoints.get(victimId) ?? NO_TOUCHPOINTS);
    // `open` keeps `victimTriggers`' order, so one walk pairs each trigger with its match.
    let next = 0;
    for (const trigger of victimTriggers) {
      const touchpoint = open[next] === trigger ? matched[next++] : null;
      into.push(obligationOf(reading, trigger, touchpoint, excuse));
    }
  }
}

function obligationOf(reading: RuleReading, trigger: ObligationTrigger, touchpoint: TimedEvent | null, excuse: Excuse): Obligation {
  const { rule, rulebook, calendar } = reading;
  const { timed, clock, victimId } = trigger;
  const since = reading.enhanced.get(victimId)?.since ?? null;
  const isEnhanced = since !== null && since <= clock.at;
  const workingDays = isEnhanced ? rule.enhancedWorkingDays : rule.standardWorkingDays;
  const dueAt = workingDays === null ? null : calendar.deadlineMs(clock.at, workingDays);
  const satisfiedAt = touchpoint ? touchpoint.at : null;
  const excused = excuse(trigger, Math.min(satisfiedAt ?? Infinity, dueAt ?? Infinity));
  const status = excused ? { status: 'not-applicable' as const, lateWorkingDays: null } : statusOf(dueAt, satisfiedAt, reading.asOf, calendar);
  const caseId = timed.event.data.caseId;
  const triggerEventId = timed.event.metadata.eventId;
  return {
    id: obligationId(caseId, victimId, rule.id, triggerEventId),
    caseId,
    victimId,
    ruleId: rule.id,
    right: rule.right,
    rulebookId: rulebook.id,
    confidence: rule.confidence,
    kind: workingDays === null ? 'touchpoint' : 'deadline',
    responsible: rule.responsible,
    triggerEventId,
    triggerType: timed.event.type,
    triggeredAt: formatInstant(timed.at),
    clockStartedAt: formatInstant(clock.at),
    clockSource: clock.source,
    clockEventId: clock.eventId,
    handoffWorkingDays: rule.clock.start === 'receipt' ? calendar.workingDaysBetweenMs(timed.at, clock.at) : null,
    rights: isEnhanced ? 'enhanced' : 'standard',
    workingDays,
    dueAt: dueAt === null ? null : formatInstant(dueAt),
    status: status.status,
    satisfiedByEventId: touchpoint ? touchpoint.event.metadata.eventId : null,
    satisfiedAt: satisfiedAt === null ? null : formatInstant(satisfiedAt),
    lateWorkingDays: status.lateWorkingDays,
    notApplicable: excused,
  };
}

function excuseFor(reading: RuleReading, victim: VictimRecord): Excuse {
  const { rule, record } = reading;
  const context: ExceptionContext = { rule, record, victim, enhanced: reading.enhanced.get(victim.victimId) };
  return (trigger, until) => notApplicable(context, trigger.clock.at, until);
}

function groupedByVictim(triggers: readonly ObligationTrigger[]): Map<string, ObligationTrigger[]> {
  const perVictim = new Map<string, ObligationTrigger[]>();
  for (const trigger of triggers) {
    const list = perVictim.get(trigger.victimId);
    if (list) list.push(trigger);
    else perVictim.set(trigger.victimId, [trigger]);
  }
  return perVictim;
}

const PLAIN_ID = /^[A-Za-z0-9._~-]*$/;

/** `${caseId}/${victimId}/${ruleId}/${triggerEventId}`, each part URI-encoded when it needs it: never a ':' (BullMQ job ids). */
export function obligationId(caseId: string, victimId: string, ruleId: string, triggerEventId: string): string {
  const part = (value: string) => (PLAIN_ID.test(value) ? value : encodeURIComponent(value));
  return `${part(caseId)}/${part(victimId)}/${part(ruleId)}/${part(triggerEventId)}`;
}

const DEFAULT_RULEBOOKS: readonly Rulebook[] = [VICTIMS_CODE_2020];

type Version = { rulebook: Rulebook; inForce: (clockAt: number) => boolean };

/** The versions of each list of rulebooks judged with, made once per list rather than for every case. */
const versionsKept = new WeakMap<readonly Rulebook[], readonly Version[]>();

/** Each rulebook with the London days its clocks cover: from its effectiveFrom to the next version's. */
function versionsOf(rulebooks: readonly Rulebook[]): readonly Version[] {
  let versions = versionsKept.get(rulebooks);
  if (!versions) versionsKept.set(rulebooks, (versions = versionsFrom(rulebooks)));
  return versions;
}

function versionsFrom(rulebooks: readonly Rulebook[]): Version[] {
  const sorted = [...rulebooks].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.map((rulebook, i) => {
    const from = dayNumberOf(rulebook.effectiveFrom);
    const until = i + 1 < sorted.length ? dayNumberOf(sorted[i + 1].effectiveFrom) : Infinity;
    return {
      rulebook,
      inForce: (clockAt: number) => {
        const day = londonDayNumberOf(clockAt);
        return day >= from && day < until;
      },
    };
  });
}
