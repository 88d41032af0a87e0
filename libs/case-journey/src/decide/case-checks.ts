import type { RecordCommand } from '../commands';
import type { CaseEventType } from '../events';
import { caseMustBeCharged } from '../rules/charging.rules';
import { hearingMustBeListed } from '../rules/hearing.rules';
import { enforce } from '../rules/journey-rule';
import { erasedVictimTakesNoRecords, victimMustBeKnown } from '../rules/victim.rules';
import type { CaseState } from '../state/case-state';
import { recorded, type Decider } from './decider';

/** One check a command must pass; it throws a JourneyRuleViolation when a rule does not hold. */
export type Check<C> = (command: C, state: CaseState) => void;

/** The usual decider: enforce the checks in order, then record the command's event. */
export const recordWhen =
  <T extends CaseEventType>(...checks: Check<RecordCommand<T>>[]): Decider<T> =>
  (command, state) => {
    for (const check of checks) check(command, state);
    return [recorded(command)];
  };

/** Checks several command families share. A record about a victim needs them known and their data not erased. */
export const knownVictim: Check<{ data: { victimId: string } }> = ({ data }, state) => {
  enforce(victimMustBeKnown, state, data.victimId);
  enforce(erasedVictimTakesNoRecords, state, data.victimId);
};

export const listedHearing: Check<{ data: { hearingId: string } }> = ({ data }, state) =>
  enforce(hearingMustBeListed, state, data.hearingId);

/** For commands whose hearing is optional: a hearing named must be listed. */
export const listedHearingIfNamed: Check<{ data: { hearingId?: string } }> = ({ data }, state) => {
  if (data.hearingId !== undefined) enforce(hearingMustBeListed, state, data.hearingId);
};

export const chargedCase: Check<unknown> = (_command, state) => enforce(caseMustBeCharged, state);
