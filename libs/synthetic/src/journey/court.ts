import type { CaseEventData, CourtNotice, CourtTier, HearingType } from '@case-journey/domain';
import { DAY_MS, HOUR_MS } from '../distributions';
import type { Entry } from './case-log';
import type { Clock, Journey } from './journey';
import { isoInstant } from '../instants';

export interface Hearing {
  hearingId: string;
  tier: CourtTier;
  scheduledMs: number;
  listing: Entry;
}

/** 10:00 in London on the first working day on or after the day of `ms`: when courts sit. */
export function sittingOn(j: Journey, ms: number): number {
  const endOfSittingDay = j.code.calendar.deadlineMs(ms - DAY_MS, 1);
  return endOfSittingDay + 1 - 14 * HOUR_MS;
}

/**
 * The court lists a hearing; the Witness Care Unit hears of it and tells the victims the date (R8,
 * one working day from its receipt of the listing).
 */
export function listHearing(j: Journey, hearingType: HearingType, tier: CourtTier, scheduledMs: number, listedMs: number, after: Entry): Hearing {
  const hearingId = j.nextId('H');
  const sitting = sittingOn(j, Math.max(scheduledMs, listedMs + DAY_MS));
  const data: CaseEventData<'HearingListed'> = {
    caseId: j.caseId,
    hearingId,
    hearingType,
    court: tier === 'crown' ? j.area.crownCourt : j.area.magistratesCourt,
    courtTier: tier,
    scheduledFor: isoInstant(sitting),
  };
  const listing = j.record('HearingListed', data, listedMs, 'HMCTS', after);
  const noticeMs = j.after(listedMs, j.profile.prosecution.listingNoticeAfter);
  const notice = noticeOf(j, hearingId, 'hearing-listing', noticeMs, listing);
  j.tell('hearingDate', 'hearing-date', notice, undefined, hearingId);
  return { hearingId, tier, scheduledMs: sitting, listing };
}

/** What happened at the hearing, recorded by the court a few hours into the sitting. */
export function holdHearing(j: Journey, hearing: Hearing, result: Omit<CaseEventData<'HearingHeld'>, 'caseId' | 'hearingId'>, heldMs?: number): Entry {
  const at = heldMs ?? hearing.scheduledMs + j.random.integer(1, 6) * HOUR_MS;
  return j.record('HearingHeld', { caseId: j.caseId, hearingId: hearing.hearingId, ...result }, at, 'HMCTS', hearing.listing);
}

/**
 * The court passes a result to the Witness Care Unit (its own 5-working-day duty, timed by the
 * area's court performance); the notices it carries start the WCU's clocks.
 */
export function passResult(j: Journey, hearing: Hearing, decidedMs: number, after: Entry, notices: readonly CourtNotice[]): Partial<Record<CourtNotice, Clock>> {
  const receivedMs = j.courtResultReceivedAt(decidedMs);
  const clocks: Partial<Record<CourtNotice, Clock>> = {};
  if (receivedMs === undefined) return clocks;
  for (const notice of notices) clocks[notice] = noticeOf(j, hearing.hearingId, notice, receivedMs, after);
  return clocks;
}

function noticeOf(j: Journey, hearingId: string, notice: CourtNotice, receivedMs: number, after: Entry): Clock {
  const entry = j.record('CourtNoticeReceived', { caseId: j.caseId, hearingId, notice }, receivedMs, 'WCU', after, receivedMs);
  return { ms: receivedMs, entry };
}
