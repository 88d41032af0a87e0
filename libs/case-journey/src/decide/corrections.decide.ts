import type { CaseCommand } from '../commands';
import { effectiveEvents } from '../corrections';
import type { CaseEvent, EventCorrected } from '../events';
import {
  correctionCannotChangeCase,
  correctionCannotChangeType,
  correctionMustChangeSomething,
  correctionTargetMustBeCorrectable,
  correctionTargetMustExist,
  correctionTargetMustNotBeRetracted,
  crimeReportCannotBeRetracted,
  erasureIsFinal,
} from '../rules/correction.rules';
import { enforce } from '../rules/journey-rule';
import { JourneyRuleViolation } from '../rules/journey-rule-violation';
import { nothingBeforeCrimeReport } from '../rules/timing.rules';
import { isFact } from '../state/case-facts';
import type { CaseState } from '../state/case-state';
import { caseStateFrom } from '../state/evolve';
import { recorded, type DeciderMap } from './decider';

/** Decides a command as if it were recorded now, without the re-delivery shortcut. */
export type DecideRecording = (command: CaseCommand, state: CaseState) => CaseEvent[];

type TargetField = 'data.correctedEventId' | 'data.retractedEventId';

function enforceTargetRules(state: CaseState, targetId: string, field: TargetField): void {
  enforce(correctionTargetMustExist, state, targetId, field);
  enforce(correctionTargetMustNotBeRetracted, state, targetId, field);
  enforce(correctionTargetMustBeCorrectable, state, targetId, field);
  enforce(erasureIsFinal, state, targetId, field);
}

/**
 * Corrections and retractions. A corrected event must still be one the journey would have accepted:
 * its latest word, with this correction merged, is decided again against the case as it stood when
 * the original was recorded, so a correction cannot smuggle in what a first recording could not.
 */
export const correctionDeciders = (decideRecording: DecideRecording): DeciderMap<'EventCorrected' | 'EventRetracted'> => ({
  EventCorrected: (command, state) => {
    enforceTargetRules(state, command.data.correctedEventId, 'data.correctedEventId');
    enforce(correctionCannotChangeType, command.data);
    enforce(correctionCannotChangeCase, command.data, command.data.caseId);
    enforce(correctionMustChangeSomething, command.data);
    const correction = recorded(command);
    const corrected = withCorrection(state, correction);
    asCorrection(() => {
      decideRecording(commandFor(corrected, command.metadata.now), stateWhenRecorded(state, corrected));
      if (corrected.type === 'CrimeReported') enforceNothingBeforeCorrectedReport(state, corrected);
    });
    return [correction];
  },
  EventRetracted: (command, state) => {
    enforceTargetRules(state, command.data.retractedEventId, 'data.retractedEventId');
    enforce(crimeReportCannotBeRetracted, state, command.data.retractedEventId);
    return [recorded(command)];
  },
});

/** The target as its latest word has it, with this correction applied on top. */
function withCorrection(state: CaseState, correction: EventCorrected): CaseEvent {
  const targetId = correction.data.correctedEventId;
  const latest = effectiveEvents(state.ledger).find((event) => event.metadata.eventId === targetId);
  // The target rules guarantee it is a fact that is still in force.
  const [corrected] = effectiveEvents([latest as CaseEvent, correction]);
  return corrected;
}

function stateWhenRecorded(state: CaseState, target: CaseEvent): CaseState {
  const position = state.ledger.findIndex((event) => event.metadata.eventId === target.metadata.eventId);
  return caseStateFrom(state.ledger.slice(0, position));
}

function commandFor(event: CaseEvent, now: string): CaseCommand {
  const { schemaVersion: _version, recordedAt: _recordedAt, ...metadata } = event.metadata;
  return { type: event.type, data: event.data, metadata: { ...metadata, now } } as CaseCommand;
}

/** Moving the report later must not leave an earlier fact before it. */
function enforceNothingBeforeCorrectedReport(state: CaseState, report: CaseEvent): void {
  for (const fact of effectiveEvents(state.ledger).filter(isFact)) {
    if (fact.metadata.eventId !== report.metadata.eventId) {
      enforce(nothingBeforeCrimeReport, report.metadata.occurredAt, fact.metadata.occurredAt);
    }
  }
}

/**
 * A rule the corrected event breaks is reported against the correction's own fields: the
 * original's `data.x` is the correction's `data.data.x`, its `metadata.occurredAt` the correction's `data.occurredAt`.
 */
function asCorrection(decision: () => void): void {
  try {
    decision();
  } catch (error) {
    if (!(error instanceof JourneyRuleViolation)) throw error;
    throw new JourneyRuleViolation(error.rule, `As corrected: ${error.message}`, correctionField(error.field));
  }
}

function correctionField(field: string | undefined): string | undefined {
  if (field === 'metadata.occurredAt' || field === 'metadata.receivedAt') return `data.${field.slice('metadata.'.length)}`;
  if (field?.startsWith('data.')) return `data.${field}`;
  return field;
}
