import type { RecordCommand } from '../commands';
import type { CaseEvent, CaseEventMetadata, CaseEventOfType, CaseEventType } from '../events';
import type { CaseState } from '../state/case-state';
import { CURRENT_SCHEMA_VERSION } from '../upcasting';

/** Decides one command type: the events to append, or a thrown JourneyRuleViolation. */
export type Decider<T extends CaseEventType> = (command: RecordCommand<T>, state: CaseState) => CaseEvent[];

/** A family's deciders, one per command type it owns. */
export type DeciderMap<T extends CaseEventType> = { [K in T]: Decider<K> };

/** The event a command asks for, stamped with the facts of its recording. */
export function recorded<T extends CaseEventType>(command: RecordCommand<T>): CaseEventOfType<T> {
  const { now, ...facts } = command.metadata;
  const metadata: CaseEventMetadata = { ...definedOnly(facts), schemaVersion: CURRENT_SCHEMA_VERSION, recordedAt: now };
  return { type: command.type, data: command.data, metadata } as CaseEventOfType<T>;
}

/** Absent optional fields stay absent (not `undefined`) so the stored JSON is what was sent. */
function definedOnly<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
