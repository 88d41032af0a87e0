import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ObligationStatus } from './obligation';

export interface StatusReading {
  status: ObligationStatus;
  lateWorkingDays: number | null;
}

/**
 * Where an obligation stands as of an instant, judged on when the touchpoint happened. Due soon:
 * not yet met and due by the end of the next working day.
 */
export function statusOf(dueAt: number | null, satisfiedAt: number | null, asOf: number, calendar: WorkingDayCalendar): StatusReading {
  if (satisfiedAt !== null) {
    if (dueAt === null || satisfiedAt <= dueAt) return { status: 'met', lateWorkingDays: dueAt === null ? null : 0 };
    return { status: 'met-late', lateWorkingDays: calendar.workingDaysBetweenMs(dueAt, satisfiedAt) };
  }
  if (dueAt === null) return { status: 'pending', lateWorkingDays: null };
  if (asOf > dueAt) return { status: 'breached', lateWorkingDays: calendar.workingDaysBetweenMs(dueAt, asOf) };
  return { status: dueAt <= calendar.deadlineMs(asOf, 1) ? 'due-soon' : 'pending', lateWorkingDays: null };
}
