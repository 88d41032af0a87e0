import type { EventCorrected } from '../events';
import { isFact } from '../state/case-facts';
import { findRecordedEvent, isRetracted } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { defineRule } from './journey-rule';

/** Rules for both corrections and retractions; `field` names the target id's field of the one at hand. */
type TargetField = 'data.correctedEventId' | 'data.retractedEventId';
type Replacement = EventCorrected['data'];

export const correctionTargetMustExist = defineRule({
  id: 'correction-target-must-exist',
  holds: (state: CaseState, targetId: string, _field: TargetField) => findRecordedEvent(state, targetId) !== undefined,
  explain: (_state, targetId) => `Event ${targetId} is not recorded in this case`,
  field: (_state, _targetId, field) => field,
});

export const correctionTargetMustNotBeRetracted = defineRule({
  id: 'correction-target-must-not-be-retracted',
  holds: (state: CaseState, targetId: string, _field: TargetField) => !isRetracted(state, targetId),
  explain: (_state, targetId) => `Event ${targetId} has been retracted`,
  field: (_state, _targetId, field) => field,
});

/**
 * A correction corrects a fact; a retraction withdraws a fact or a correction. Correcting a correction
 * or withdrawing a retraction would be ignored when the case is read (see `effectiveEvents`).
 */
export const correctionTargetMustBeCorrectable = defineRule({
  id: 'correction-target-must-be-correctable',
  holds: (state: CaseState, targetId: string, field: TargetField) => {
    const target = findRecordedEvent(state, targetId);
    if (target === undefined) return true;
    return field === 'data.correctedEventId' ? isFact(target) : target.type !== 'EventRetracted';
  },
  explain: (state, targetId, field) =>
    `A ${findRecordedEvent(state, targetId)?.type} cannot be ${field === 'data.correctedEventId' ? 'corrected; retract it and record it again' : 'retracted'}`,
  field: (_state, _targetId, field) => field,
});

// Own judgment: without its crime report the rest of the case's stream would belong to no case.
export const crimeReportCannotBeRetracted = defineRule({
  id: 'crime-report-cannot-be-retracted',
  holds: (state: CaseState, targetId: string) => findRecordedEvent(state, targetId)?.type !== 'CrimeReported',
  explain: () => 'A crime report cannot be retracted; correct it instead',
  field: 'data.retractedEventId',
});

// Own judgment: the victim's key is gone, so undoing the record of its destruction would only make the case say what is not so.
export const erasureIsFinal = defineRule({
  id: 'erasure-is-final',
  holds: (state: CaseState, targetId: string, _field: TargetField) => findRecordedEvent(state, targetId)?.type !== 'VictimDataErased',
  explain: () => "A victim's data erasure cannot be corrected or retracted: their key is destroyed",
  field: (_state, _targetId, field) => field,
});

export const correctionCannotChangeType = defineRule({
  id: 'correction-cannot-change-type',
  holds: (replacement: Replacement) => replacement.data === undefined || !('type' in replacement.data),
  explain: () => "A correction replaces an event's data, never its type: retract it and record the right event",
  field: 'data.data.type',
});

export const correctionCannotChangeCase = defineRule({
  id: 'correction-cannot-change-case',
  holds: (replacement: Replacement, caseId: string) => replacement.data?.caseId === undefined || replacement.data.caseId === caseId,
  explain: () => 'A correction cannot move an event to another case: retract it and record it on the right case',
  field: 'data.data.caseId',
});

// Own judgment: an empty correction would add history that says nothing.
export const correctionMustChangeSomething = defineRule({
  id: 'correction-must-change-something',
  holds: (replacement: Replacement) =>
    Object.keys(replacement.data ?? {}).length > 0 || replacement.occurredAt !== undefined || replacement.receivedAt !== undefined,
  explain: () => 'A correction must replace some data, occurredAt or receivedAt',
  field: 'data.data',
});
