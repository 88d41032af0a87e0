import { caseMustNotBeCharged } from '../rules/charging.rules';
import { enforce } from '../rules/journey-rule';
import { recordWhen } from './case-checks';
import type { DeciderMap } from './decider';

/** The police investigation before any file goes to the CPS. */
export const investigationDeciders: DeciderMap<'InvestigationNotPursued' | 'SuspectEventRecorded'> = {
  InvestigationNotPursued: recordWhen((_command, state) => enforce(caseMustNotBeCharged, state)),
  SuspectEventRecorded: recordWhen(),
};
