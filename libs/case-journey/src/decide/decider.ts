import type { RecordCommand } from '../commands';
import type { CaseEvent, CaseEventMetadata, CaseEventOfType, CaseEventType } from '../events';
import type { CaseState } from '../state/case-state';
import { CURRENT_SCHEMA_VERSION } from '../upcasting';

/** Decides one command type: the events to append, or a thrown JourneyRuleViolation. */
export type Decider<T extends CaseEventType> = (command: RecordCommand<T>, state: CaseState) => CaseEvent[];

/** A family's deciders, one per command type it owns. */
export type DeciderMap<T extends CaseEventType> = { [K in T]: Decider<K> };

/**
 * The event a command asks for, stamped with the facts of its recording: the command's metadata
 * but its clock (`now`, which becomes `recordedAt`) and its absent fields, then the schema version.
 * Absent optional fields stay absent (not `undefined`) so the stored JSON is what was sent.
 * Built key by key, in the metadata's own order: a rest pattern, `Object.entries`/`fromEntries` and
 * a spread were about 4 % of a bulk import's main thread, which pays this on every line.
 */
export function recorded<T extends CaseEventType>(command: RecordCommand<T>): CaseEventOfType<T> {
  const facts = command.metadata;
  const metadata: Record<string, unknown> = {};
  for (const key of Object.keys(facts) as Array<keyof typeof facts>) {
    if (key === 'now') continue;
    const value = facts[key];
    if (value !== undefined) metadata[key] = value;
  }
  metadata.schemaVersion = CURRENT_SCHEMA_VERSION;
  metadata.recordedAt = facts.now;
  return { type: command.type, data: command.data, metadata: metadata as unknown as CaseEventMetadata } as CaseEventOfType<T>;
}
