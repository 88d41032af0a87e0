import { compareInstants, isBefore, isIsoInstant } from '../instants';
import { defineRule } from './journey-rule';

/** How far ahead of the recording clock an occurredAt may be before it counts as "in the future": agencies' clocks drift. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

// Own judgment: the API checks the same (isIsoInstant) before it normalises, but a pure rule keeps every comparison below meaningful.
export const instantMustBeValid = defineRule({
  id: 'instant-must-be-valid',
  holds: (_field: string, instant: string) => isIsoInstant(instant),
  explain: (field, instant) => `${field} must be an ISO-8601 instant with a time zone, not "${instant}"`,
  field: (field) => field,
});

export const notInTheFuture = defineRule({
  id: 'not-in-the-future',
  holds: (_field: string, instant: string, now: string) => Date.parse(instant) <= Date.parse(now) + MAX_CLOCK_SKEW_MS,
  explain: (field, instant, now) => `${field} ${instant} is in the future (the clock says ${now})`,
  field: (field) => field,
});

export const receivedNotBeforeOccurred = defineRule({
  id: 'received-not-before-occurred',
  holds: (occurredAt: string, receivedAt: string) => !isBefore(receivedAt, occurredAt),
  explain: (occurredAt, receivedAt) => `receivedAt ${receivedAt} is before the event occurred (${occurredAt})`,
  field: 'metadata.receivedAt',
});

export const nothingBeforeCrimeReport = defineRule({
  id: 'nothing-before-crime-report',
  holds: (reportedAt: string | null, occurredAt: string) => reportedAt === null || compareInstants(occurredAt, reportedAt) >= 0,
  explain: (reportedAt, occurredAt) => `Nothing in a case can occur (${occurredAt}) before the crime was reported (${reportedAt})`,
  field: 'metadata.occurredAt',
});
