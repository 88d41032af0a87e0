import type { CaseCommand } from '../commands';
import { caseIdMustMatch, caseMustExist } from '../rules/case.rules';
import { enforce } from '../rules/journey-rule';
import { instantMustBeValid, nothingBeforeCrimeReport, notInTheFuture, receivedNotBeforeOccurred } from '../rules/timing.rules';
import type { CaseState } from '../state/case-state';

/** The rules every command obeys, whatever it records: its instants, and (but for a crime report) its case. */
export function enforceRecordingRules(command: CaseCommand, state: CaseState): void {
  const { occurredAt, receivedAt, now } = command.metadata;
  enforce(instantMustBeValid, 'metadata.now', now);
  enforce(instantMustBeValid, 'metadata.occurredAt', occurredAt);
  enforce(notInTheFuture, 'metadata.occurredAt', occurredAt, now);
  if (receivedAt !== undefined) {
    enforce(instantMustBeValid, 'metadata.receivedAt', receivedAt);
    enforce(notInTheFuture, 'metadata.receivedAt', receivedAt, now);
    enforce(receivedNotBeforeOccurred, occurredAt, receivedAt);
  }
  if (command.type === 'CrimeReported') return;
  enforce(caseMustExist, state);
  enforce(caseIdMustMatch, state, command.data.caseId);
  enforce(nothingBeforeCrimeReport, state.reportedAt, occurredAt);
}
