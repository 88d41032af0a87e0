import type { CaseEvent, CaseEventType } from './events';

/** The schema version every event type is written at today. */
export const CURRENT_SCHEMA_VERSION = 1;

/** A stored event as it comes off the store, before it is trusted to be of the current shape. */
export interface StoredCaseEvent {
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** Lifts one event type from version `from` to `from + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upcasters by event type and the version they lift from. Empty while every type is at
 * version 1; a change of shape adds an entry here and bumps CURRENT_SCHEMA_VERSION for that type.
 */
export const UPCASTERS: Partial<Record<CaseEventType, Record<number, Upcaster>>> = {};

export function upcast(stored: StoredCaseEvent, upcasters = UPCASTERS): CaseEvent {
  const storedVersion = Number(stored.metadata.schemaVersion ?? 1);
  let version = storedVersion;
  let data = stored.data as Record<string, unknown>;
  const chain = upcasters[stored.type as CaseEventType] ?? {};
  while (chain[version]) {
    data = chain[version](data);
    version += 1;
  }
  const metadata = version === storedVersion ? stored.metadata : { ...stored.metadata, schemaVersion: version };
  return { type: stored.type, data, metadata } as unknown as CaseEvent;
}
