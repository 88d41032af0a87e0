import { obligationId, type Obligation } from '@case-journey/victims-code';
import type { CaseFinderEntry } from '../cases/case-finder-entry';
import type { CaseObligations } from './case-obligations';

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

/**
 * A case's reading as Redis keeps it: JSON, with each obligation a row of values rather than an
 * object, which is less than half the size (keys, ids and case ids were most of it) and so less
 * memory and less to send on every batch.
 */
export function serializeReading({ finder: _kept, ...reading }: CaseObligations): string {
  // The finder's entry is kept in the finder's own hash (`finderEntriesKey`), not twice.
  return JSON.stringify({ ...reading, obligations: reading.obligations.map((obligation) => STORED_FIELDS.map((field) => obligation[field])) });
}

export function parseReading(stored: string | null, finderEntry: string | null = null): CaseObligations | null {
  if (stored === null) return null;
  const reading = JSON.parse(stored) as Omit<CaseObligations, 'obligations'> & { obligations: unknown[][] };
  return {
    ...reading,
    // Readings stored before erasure existed have no such list.
    erasedVictims: reading.erasedVictims ?? [],
    ...(finderEntry === null ? {} : { finder: JSON.parse(finderEntry) as CaseFinderEntry }),
    obligations: reading.obligations.map((row) => {
      const fields = Object.fromEntries(STORED_FIELDS.map((field, i) => [field, row[i]])) as Omit<Obligation, 'id' | 'caseId'>;
      return { id: obligationId(reading.caseId, fields.victimId, fields.ruleId, fields.triggerEventId), caseId: reading.caseId, ...fields };
    }),
  };
}
