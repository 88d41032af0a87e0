import type { EventStore } from '@case-journey/event-store';
import { monthsToFreeze, snapshotInstant, type MeasureDefinitions } from '@case-journey/reporting';
import type { WorkingDayCalendar } from '@case-journey/victims-code';
import { asOfCounters, type AsOfProgress } from './as-of-counters';
import type { ReportSnapshotStore } from './report-snapshots';

export const REPORT_SNAPSHOTS_QUEUE = 'report-snapshots';

export interface SnapshotRun {
  now: Date;
  workingDays: number;
  /** How many months back are frozen if they were not yet (a worker down at a month's instant catches up). */
  lookBack: number;
  store: EventStore;
  calendar: WorkingDayCalendar;
  snapshots: ReportSnapshotStore;
  definitions: MeasureDefinitions;
  onProgress?: (progress: AsOfProgress & { month: string }) => unknown;
}

/**
 * Freezes each recent month whose snapshot instant has passed and that is not frozen yet: its
 * counters as known at that instant (not now, so a snapshot taken late holds the same figures),
 * written once. Returns the months frozen.
 */
export async function freezeMonthEnds({ now, workingDays, lookBack, store, calendar, snapshots, definitions, onProgress }: SnapshotRun): Promise<string[]> {
  const frozen: string[] = [];
  for (const month of monthsToFreeze(now, workingDays, lookBack, calendar)) {
    if (await snapshots.info(month)) continue;
    const asOf = snapshotInstant(month, workingDays, calendar);
    const counters = await asOfCounters(asOf, { store, calendar, months: new Set([month]), onProgress: (progress) => onProgress?.({ ...progress, month }) });
    if (await snapshots.freeze({ month, asOf: asOf.toISOString(), frozenAt: now.toISOString(), definitionsVersion: definitions.version }, counters)) frozen.push(month);
  }
  return frozen;
}
