import type { OptOutScope } from '@case-journey/domain';
import type { Rule } from '../rulebook/rulebook';
import { eventsOfType, offenceCategoriesAt, type CaseRecord, type VictimRecord } from './case-record';
import type { EnhancedStatus } from './enhanced-rights';
import type { Obligation } from './obligation';
import { dataField } from './trigger-conditions';

const NO_EXCLUSIONS: NonNullable<Rule['exceptions']['notApplicableWhen']> = [];

/** What every obligation of one rule to one victim is excused against. */
export interface ExceptionContext {
  rule: Rule;
  record: CaseRecord;
  victim: VictimRecord;
  enhanced: EnhancedStatus | undefined;
}

/**
 * Why the obligation does not apply, if it does not: the victim was opted out of its scope (or of
 * 'all') when the clock started or opted out before it was met and due; the rule needs explicit
 * consent the victim has not given; or an excluding event (a declined referral) came first.
 * `clockAt`: when the obligation's clock started; `until`: its exposure ends when it is met or falls
 * due, whichever is first.
 */
export function notApplicable(context: ExceptionContext, clockAt: number, until: number): Obligation['notApplicable'] {
  const { rule, victim } = context;
  const scope = rule.exceptions.optOutScope;
  if (scope !== null) {
    const optedOut = optedOutDuring(victim, scope, clockAt, until);
    if (optedOut) return { reason: 'opted-out', detail: `the victim opted out of ${optedOut}` };
  }
  const consent = rule.exceptions.consent;
  if (consent && !victim.registration.consentToReferral && consentRequired(context, clockAt)) {
    return { reason: 'no-consent', detail: 'no explicit consent to referral, which this victim must give' };
  }
  for (const exclusion of rule.exceptions.notApplicableWhen ?? NO_EXCLUSIONS) {
    for (const { event, at } of eventsOfType(context.record, exclusion.event)) {
      if (at > until) break;
      const victimId = dataField(event, 'victimId');
      if (victimId === undefined || victimId === victim.victimId) return { reason: 'excluded', detail: exclusion.reason };
    }
  }
  return null;
}

function consentRequired({ rule, record, victim, enhanced }: ExceptionContext, clockAt: number): boolean {
  const consent = rule.exceptions.consent;
  if (!consent) return false;
  if (consent.victimKinds.includes(victim.registration.kind)) return true;
  if (enhanced?.grounds.some((g) => consent.grounds.includes(g.ground))) return true;
  const categories = offenceCategoriesAt(record, clockAt);
  return consent.offenceCategories.some((category) => categories.has(category));
}

/**
 * The scope the victim was opted out of at `from` (the rule's own before 'all'), or opted out of
 * after it and by `until`; null if none. Only the rule's scope and 'all' count.
 */
function optedOutDuring(victim: VictimRecord, scope: OptOutScope, from: number, until: number): OptOutScope | null {
  let ownAtStart = false;
  let allAtStart = false;
  let later: OptOutScope | null = null;
  for (const change of victim.optOutChanges) {
    if (change.at > until) break;
    if (change.scope !== scope && change.scope !== 'all') continue;
    if (change.at <= from) {
      if (change.scope === scope) ownAtStart = change.optedOut;
      else allAtStart = change.optedOut;
    } else if (change.optedOut) later ??= change.scope;
  }
  if (ownAtStart) return scope;
  if (allAtStart) return 'all';
  return later;
}
