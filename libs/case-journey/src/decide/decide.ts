import type { CaseCommand } from '../commands';
import type { CaseEvent, CaseEventType } from '../events';
import { isAlreadyRecorded } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { caseFileDeciders } from './case-file.decide';
import { chargingDeciders } from './charging.decide';
import { correctionDeciders } from './corrections.decide';
import { courtOutcomeDeciders } from './court-outcomes.decide';
import { crimeReportDeciders } from './crime-report.decide';
import type { DeciderMap } from './decider';
import { expensesDeciders } from './expenses.decide';
import { hearingDeciders } from './hearings.decide';
import { investigationDeciders } from './investigation.decide';
import { enforceRecordingRules } from './recording-rules';
import { victimContactDeciders } from './victim-contact.decide';
import { victimDeciders } from './victims.decide';

/** One decider per command type; the compiler rejects a command type left without one. */
const DECIDERS: DeciderMap<CaseEventType> = {
  ...crimeReportDeciders,
  ...victimDeciders,
  ...victimContactDeciders,
  ...investigationDeciders,
  ...caseFileDeciders,
  ...chargingDeciders,
  ...hearingDeciders,
  ...courtOutcomeDeciders,
  ...expensesDeciders,
  ...correctionDeciders(decideRecording),
};

/**
 * The events a command adds to its case, or a thrown JourneyRuleViolation naming the rule broken.
 * A command whose event id the case already holds is a re-delivery and adds nothing.
 */
export function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  if (isAlreadyRecorded(state, command.metadata.eventId)) return [];
  return decideRecording(command, state);
}

function decideRecording(command: CaseCommand, state: CaseState): CaseEvent[] {
  enforceRecordingRules(command, state);
  // The map pairs each type with its decider; the compiler cannot follow that pairing through a union.
  const decider = DECIDERS[command.type] as (command: CaseCommand, state: CaseState) => CaseEvent[];
  return decider(command, state);
}
