import { obligationId, type Obligation } from '@case-journey/victims-code';
import type { CaseFinderEntry } from '../cases/case-finder-entry';
import type { CaseObligations, Touchpoint, VictimJourney } from './case-obligations';

/** An obligation's fields in the order they are stored, values only: the id and case id are the reading's. */
const STORED_FIELDS = [
  'victimId',
  'ruleId',
  'right',
  'rulebookId',
  'confidence',
  'kind',
  'responsible',
  'triggerEventId',
  'triggerType',
  'triggeredAt',
  'clockStartedAt',
  'clockSource',
  'clockEventId',
  'handoffWorkingDays',
  'rights',
  'workingDays',
  'dueAt',
  'status',
  'satisfiedByEventId',
  'satisfiedAt',
  'lateWorkingDays',
  'notApplicable',
] as const satisfies ReadonlyArray<keyof Obligation>;

/** Fails to compile if an Obligation field is neither stored nor derived. */
type Unstored = Exclude<keyof Obligation, (typeof STORED_FIELDS)[number] | 'id' | 'caseId'>;
const everyFieldStored: [Unstored] extends [never] ? true : never = true;
void everyFieldStored;

/** A touchpoint's fields in the order they are stored, values only, as obligations are. */
const TOUCHPOINT_FIELDS = ['eventId', 'type', 'agency', 'occurredAt', 'topic', 'channel'] as const satisfies ReadonlyArray<keyof Touchpoint>;
type UnstoredTouchpointField = Exclude<keyof Touchpoint, (typeof TOUCHPOINT_FIELDS)[number]>;
const everyTouchpointFieldStored: [UnstoredTouchpointField] extends [never] ? true : never = true;
void everyTouchpointFieldStored;

/** Where a row holds what another of its fields, or the reading, already says. */
const VICTIM = STORED_FIELDS.indexOf('victimId');
const TRIGGER_EVENT = STORED_FIELDS.indexOf('triggerEventId');
const TRIGGERED_AT = STORED_FIELDS.indexOf('triggeredAt');
const CLOCK_STARTED_AT = STORED_FIELDS.indexOf('clockStartedAt');
const CLOCK_EVENT = STORED_FIELDS.indexOf('clockEventId');
/** In the clock's cells: the same as the trigger's (its event, its instant), as most clocks are. */
const SAME_AS_TRIGGER = 0;

/**
 * A case's reading as Redis keeps it: JSON, with each obligation a row of values rather than an
 * object, which is less than half the size (keys, ids and case ids were most of it) and so less
 * memory and less to send on every batch. Within a row, the victim is their place in the
 * reading's victims then erased victims (a number, where the id is a string), and a clock started
 * by the trigger itself says so (`SAME_AS_TRIGGER`) rather than repeat its event id and instant:
 * a third off the rows. A victim's touchpoints are rows too. Readings stored before either hold
 * the ids and objects, and are read as they are.
 */
export function serializeReading({ finder: _kept, ...reading }: CaseObligations): string {
  // The finder's entry is kept in the finder's own hash (`finderEntriesKey`), not twice.
  const victimAt = new Map<string, number>();
  [...reading.victims, ...reading.erasedVictims].forEach(({ victimId }, at) => victimAt.has(victimId) || victimAt.set(victimId, at));
  return JSON.stringify({
    ...reading,
    victims: reading.victims.map((victim) => ({ ...victim, touchpoints: victim.touchpoints.map((touchpoint) => rowOf(TOUCHPOINT_FIELDS, touchpoint)) })),
    obligations: reading.obligations.map((obligation) => {
      const row = rowOf(STORED_FIELDS, obligation);
      row[VICTIM] = victimAt.get(obligation.victimId) ?? obligation.victimId;
      if (obligation.clockEventId === obligation.triggerEventId) row[CLOCK_EVENT] = SAME_AS_TRIGGER;
      if (obligation.clockStartedAt === obligation.triggeredAt) row[CLOCK_STARTED_AT] = SAME_AS_TRIGGER;
      return row;
    }),
  });
}

export function parseReading(stored: string | null, finderEntry: string | null = null): CaseObligations | null {
  if (stored === null) return null;
  const reading = JSON.parse(stored) as Omit<CaseObligations, 'obligations'> & { obligations: unknown[][] };
  // Readings stored before erasure existed have no such list.
  const erasedVictims = reading.erasedVictims ?? [];
  const victimIds = [...reading.victims, ...erasedVictims].map((victim) => victim.victimId);
  return {
    ...reading,
    victims: reading.victims.map(journeyOf),
    erasedVictims,
    ...(finderEntry === null ? {} : { finder: JSON.parse(finderEntry) as CaseFinderEntry }),
    obligations: reading.obligations.map((row) => {
      if (typeof row[VICTIM] === 'number') row[VICTIM] = victimIds[row[VICTIM]];
      if (row[CLOCK_EVENT] === SAME_AS_TRIGGER) row[CLOCK_EVENT] = row[TRIGGER_EVENT];
      if (row[CLOCK_STARTED_AT] === SAME_AS_TRIGGER) row[CLOCK_STARTED_AT] = row[TRIGGERED_AT];
      const fields = fromRow(STORED_FIELDS, row) as Omit<Obligation, 'id' | 'caseId'>;
      return { id: obligationId(reading.caseId, fields.victimId, fields.ruleId, fields.triggerEventId), caseId: reading.caseId, ...fields };
    }),
  };
}

/** A stored victim's journey, its touchpoints stored as rows (or, stored before, as objects). */
function journeyOf(victim: VictimJourney): VictimJourney {
  const touchpoints = victim.touchpoints as unknown[];
  if (touchpoints.length === 0 || !Array.isArray(touchpoints[0])) return victim;
  return { ...victim, touchpoints: (touchpoints as unknown[][]).map((row) => fromRow(TOUCHPOINT_FIELDS, row) as unknown as Touchpoint) };
}

/** A record's values in the order of its stored fields. */
function rowOf<T>(fields: ReadonlyArray<keyof T>, record: T): unknown[] {
  return fields.map((field) => record[field]);
}

/** A stored row back as the record whose fields it holds in order. */
function fromRow(fields: readonly string[], row: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field, i) => [field, row[i]]));
}
